package dev.groundstream.eval.protocol;

import dev.groundstream.avro.Box;
import dev.groundstream.avro.GroundTruth;
import dev.groundstream.avro.GroundingResult;
import dev.groundstream.avro.Heatmap;
import dev.groundstream.avro.ModelRef;
import dev.groundstream.avro.PhraseResult;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.avro.Point;
import dev.groundstream.avro.Timings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Builders for the Avro records the evaluator consumes. */
final class Fixtures {

    static final UUID REQUEST = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant EVALUATED = Instant.parse("2026-01-01T00:00:05Z");

    private Fixtures() {
    }

    static PixelBox px(double x1, double y1, double x2, double y2) {
        return new PixelBox(x1, y1, x2, y2);
    }

    static Box box(float x1, float y1, float x2, float y2) {
        return new Box(x1, y1, x2, y2, null);
    }

    static Box scored(float x1, float y1, float x2, float y2, float score) {
        return new Box(x1, y1, x2, y2, score);
    }

    static PhraseTruth truth(String id, List<PhraseType> types, Box... boxes) {
        return PhraseTruth.newBuilder().setPhraseId(id).setEntityId("e-" + id).setTypes(new ArrayList<>(types))
                .setBoxes(new ArrayList<>(Arrays.asList(boxes))).setNoBox(false).setScene(false).build();
    }

    static PhraseTruth noBox(PhraseTruth truth) {
        truth.setNoBox(true);
        return truth;
    }

    static PhraseTruth scene(PhraseTruth truth) {
        truth.setScene(true);
        return truth;
    }

    static PhraseResult result(String id, Box... boxes) {
        return PhraseResult.newBuilder().setPhraseId(id).setText("text " + id).setTypes(new ArrayList<>())
                .setBoxes(new ArrayList<>(Arrays.asList(boxes))).setPoint(null).setHeatmap(null).build();
    }

    // Setters, not newBuilder(record): Avro's deep copy refuses classes outside
    // org.apache.avro.SERIALIZABLE_PACKAGES.
    static PhraseResult withPoint(PhraseResult phrase, float x, float y) {
        phrase.setPoint(new Point(x, y));
        return phrase;
    }

    static PhraseResult withHeatmap(PhraseResult phrase, int width, int height, float... values) {
        List<Float> cells = new ArrayList<>();
        for (float value : values) {
            cells.add(value);
        }
        phrase.setHeatmap(new Heatmap(width, height, cells));
        return phrase;
    }

    static ModelRef model(String version) {
        return ModelRef.newBuilder().setName("ranker").setVersion(version).setKind("detector-ranker")
                .setDigest("").build();
    }

    static GroundingResult groundingResult(int width, int height, PhraseResult... phrases) {
        return groundingResult(REQUEST, "1.0.0", width, height, phrases);
    }

    static GroundingResult groundingResult(UUID request, String version, int width, int height,
                                           PhraseResult... phrases) {
        return GroundingResult.newBuilder().setRequestId(request).setModel(model(version)).setDataset("flickr30k")
                .setRequestCreatedAt(CREATED).setProducedAt(CREATED.plusSeconds(1))
                .setImageWidth(width).setImageHeight(height)
                .setPhrases(new ArrayList<>(Arrays.asList(phrases)))
                .setTimings(new Timings(0.0, 0.0, 0.0, 0.0, 0.0)).setDevice("cpu").setBatchSize(1).build();
    }

    static GroundTruth groundTruth(int width, int height, PhraseTruth... phrases) {
        return groundTruth(REQUEST, width, height, phrases);
    }

    static GroundTruth groundTruth(UUID request, int width, int height, PhraseTruth... phrases) {
        return GroundTruth.newBuilder().setRequestId(request).setDataset("flickr30k").setSource("dataset")
                .setLabeledAt(CREATED).setImageWidth(width).setImageHeight(height)
                .setPhrases(new ArrayList<>(Arrays.asList(phrases))).build();
    }
}
