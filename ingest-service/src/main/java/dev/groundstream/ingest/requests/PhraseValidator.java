package dev.groundstream.ingest.requests;

import dev.groundstream.avro.Phrase;
import dev.groundstream.avro.PhraseTruth;
import dev.groundstream.avro.PhraseType;
import dev.groundstream.ingest.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns caller phrases into request phrases (and their truth), refusing with 422 any span outside
 * the caption, text that differs from the span, empty or blank phrases, overlapping phrases,
 * unknown types and boxes outside the image. Refused with 400: a span edge that splits a UTF-16
 * surrogate pair (it would be stored as "?"), {@code notVisible} together with boxes, and more than
 * {@value #MAX_BOXES_PER_PHRASE} boxes on a phrase. Phrase ids are p0, p1, ... in caption order.
 */
public final class PhraseValidator {
  public record Validated(List<Phrase> phrases, List<PhraseTruth> truth) {}

  /** Ground-truth boxes one phrase may carry (Flickr30k Entities phrases have a handful). */
  public static final int MAX_BOXES_PER_PHRASE = 100;

  private final int maxPhrases;

  public PhraseValidator(int maxPhrases) {
    this.maxPhrases = maxPhrases;
  }

  /** Spans and types only: runs before the image is decoded so bad text fails fast. */
  public void checkSpans(String caption, List<PhraseSpec> specs) {
    if (specs.size() > maxPhrases) {
      throw InvalidInputException.unprocessable("too_many_phrases", specs.size() + " phrases; at most " + maxPhrases);
    }
    List<PhraseSpec> sorted = new ArrayList<>(specs);
    for (PhraseSpec s : specs) {
      if (s.start() == null || s.end() == null) {
        throw InvalidInputException.unprocessable("bad_span", "Every phrase needs start and end");
      }
      if (s.start() < 0 || s.end() > caption.length() || s.start() > s.end()) {
        throw InvalidInputException.unprocessable("bad_span", "Span [" + s.start() + ", " + s.end()
            + ") is outside the caption (length " + caption.length() + ")");
      }
      if (splitsSurrogatePair(caption, s.start()) || splitsSurrogatePair(caption, s.end())) {
        throw InvalidInputException.badRequest("split_surrogate", "Span [" + s.start() + ", " + s.end()
            + ") cuts a character in two (offsets are UTF-16 code units; this one is inside a surrogate pair)");
      }
      if (s.notVisible() && s.boxes() != null && !s.boxes().isEmpty()) {
        throw InvalidInputException.badRequest("not_visible_with_boxes", "Span [" + s.start() + ", " + s.end()
            + ") is marked notVisible but has " + s.boxes().size() + " boxes");
      }
      if (s.boxes() != null && s.boxes().size() > MAX_BOXES_PER_PHRASE) {
        throw InvalidInputException.badRequest("too_many_boxes", "Span [" + s.start() + ", " + s.end() + ") has "
            + s.boxes().size() + " boxes; at most " + MAX_BOXES_PER_PHRASE);
      }
      String text = caption.substring(s.start(), s.end());
      if (text.isBlank()) {
        throw InvalidInputException.unprocessable("empty_phrase", "Span [" + s.start() + ", " + s.end() + ") is empty");
      }
      if (s.text() != null && !s.text().equals(text)) {
        throw InvalidInputException.unprocessable("bad_span", "Phrase text '" + s.text()
            + "' differs from the caption's span '" + text + "'");
      }
      if (s.types() != null) {
        s.types().forEach(PhraseValidator::type);
      }
    }
    sorted.sort(Comparator.comparingInt(PhraseSpec::start));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).start() < sorted.get(i - 1).end()) {
        throw InvalidInputException.unprocessable("overlapping_phrases", "Phrases [" + sorted.get(i - 1).start()
            + ", " + sorted.get(i - 1).end() + ") and [" + sorted.get(i).start() + ", " + sorted.get(i).end() + ") overlap");
      }
    }
  }

  public Validated validate(String caption, List<PhraseSpec> specs, int width, int height) {
    checkSpans(caption, specs);
    List<PhraseSpec> sorted = new ArrayList<>(specs);
    sorted.sort(Comparator.comparingInt(PhraseSpec::start));
    List<Phrase> phrases = new ArrayList<>();
    List<PhraseTruth> truth = new ArrayList<>();
    for (PhraseSpec s : sorted) {
      String id = "p" + phrases.size();
      List<PhraseType> types = s.types() == null ? List.of() : s.types().stream().map(PhraseValidator::type).toList();
      phrases.add(Phrase.newBuilder().setPhraseId(id).setText(caption.substring(s.start(), s.end()))
          .setCharStart(s.start()).setCharEnd(s.end()).setTypes(types).setEntityId(s.entityId()).build());
      if (s.hasTruth()) {
        truth.add(PhraseTruth.newBuilder().setPhraseId(id).setEntityId(s.entityId()).setTypes(types)
            .setBoxes(s.boxes() == null ? List.of() : TruthBoxes.validate(s.boxes(), width, height, id))
            .setNoBox(s.notVisible() && (s.boxes() == null || s.boxes().isEmpty())).build());
      }
    }
    return new Validated(phrases, truth);
  }

  private static boolean splitsSurrogatePair(String caption, int offset) {
    return offset > 0 && offset < caption.length()
        && Character.isHighSurrogate(caption.charAt(offset - 1)) && Character.isLowSurrogate(caption.charAt(offset));
  }

  static PhraseType type(String name) {
    try {
      return PhraseType.valueOf(name);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw InvalidInputException.unprocessable("bad_type", "Unknown phrase type '" + name
          + "'; types are " + java.util.Arrays.toString(PhraseType.values()));
    }
  }
}
