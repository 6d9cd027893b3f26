package dev.groundstream.ingest.requests;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A parsed but unvalidated POST /v1/requests. {@code phrases} empty means "extract them". */
public record UploadCommand(String tenant, Optional<String> clientRequestId, ImageSource image, String caption,
    Optional<List<PhraseSpec>> phrases, String dataset, Map<String, String> attributes) {}
