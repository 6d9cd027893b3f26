package dev.groundstream.worker.model.people;

import dev.groundstream.worker.model.PhraseQuery;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Caption context (SeqGROUND): the attribute phrase of a person phrase, i.e. the next phrase when
 * the caption between them is only "in", "wearing", "with", "dressed in" or "in a ... and"-free
 * glue ("A woman in [a purple dress]").
 */
public final class CaptionContext {
  private static final Pattern GLUE = Pattern.compile("\\s*(in|wearing|with|dressed in|who is wearing|wears)\\s*");

  private CaptionContext() {}

  public static Optional<PhraseQuery> attributeOf(PhraseQuery phrase, String caption, List<PhraseQuery> phrases) {
    if (caption == null || phrase.charEnd() <= 0 || phrase.charEnd() > caption.length()) {
      return Optional.empty();
    }
    PhraseQuery next = null;
    for (PhraseQuery q : phrases) {
      if (q.charStart() >= phrase.charEnd() && (next == null || q.charStart() < next.charStart())) {
        next = q;
      }
    }
    if (next == null || next.charStart() > caption.length()) {
      return Optional.empty();
    }
    String between = caption.substring(phrase.charEnd(), next.charStart()).toLowerCase(Locale.ROOT);
    return GLUE.matcher(between).matches() ? Optional.of(next) : Optional.empty();
  }
}
