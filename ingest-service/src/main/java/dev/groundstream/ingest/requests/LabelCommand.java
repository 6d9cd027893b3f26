package dev.groundstream.ingest.requests;

import java.util.List;
import java.util.UUID;

/** Human feedback for one phrase of an earlier request: boxes, or "not visible" (boxes null). */
public record LabelCommand(String tenant, UUID requestId, String phraseId, List<double[]> boxes, boolean notVisible) {}
