package dev.groundstream.ingest.importers;

import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingRequest;
import java.util.Optional;

/** One (image, caption) of a dataset: the request to ground and, when the dataset has it, its truth. */
public record ImportedSample(GroundingRequest request, Optional<GroundTruth> truth) {}
