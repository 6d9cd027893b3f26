package dev.groundstream.worker.model;

/** A detector proposal: a box in original-image pixels with the detector's score and class label. */
public record Proposal(ScoredBox box, int classIndex, String label) {}
