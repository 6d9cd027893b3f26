package dev.groundstream.worker.ranker;

import java.util.Optional;

/**
 * What kind of thing a head noun names when no detector class fits it: a part of a person
 * (clothing, body part; with the region), a scene (grounded to the whole image), or neither.
 */
public record PhraseCategory(Optional<PersonPart> personPart, boolean scene) {
  public static final PhraseCategory NONE = new PhraseCategory(Optional.empty(), false);
}
