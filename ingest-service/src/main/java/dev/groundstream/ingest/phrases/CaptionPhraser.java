package dev.groundstream.ingest.phrases;

import dev.groundstream.avro.Phrase;
import dev.groundstream.phrases.NounPhrase;
import dev.groundstream.phrases.NounPhraseExtractor;
import dev.groundstream.phrases.PhraseTyper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Phrases of a caption nobody marked up: NP chunks from {@link NounPhraseExtractor}, each typed
 * by {@link PhraseTyper}; ids p0, p1, ... in caption order, spans exact; each carries the head it
 * was typed by, so the worker does not look for it again.
 */
public final class CaptionPhraser {
  private final NounPhraseExtractor extractor;
  private final PhraseTyper typer;

  public CaptionPhraser(NounPhraseExtractor extractor, PhraseTyper typer) {
    this.extractor = extractor;
    this.typer = typer;
  }

  public static CaptionPhraser shared() {
    return new CaptionPhraser(NounPhraseExtractor.shared(), PhraseTyper.shared());
  }

  public List<Phrase> phrases(String caption) {
    List<Phrase> phrases = new ArrayList<>();
    for (NounPhrase np : extractor.extract(caption)) {
      phrases.add(Phrase.newBuilder().setPhraseId("p" + phrases.size()).setText(np.text())
          .setCharStart(np.start()).setCharEnd(np.end()).setTypes(List.of(typer.type(np)))
          .setHead(np.head().toLowerCase(Locale.ROOT)).build());
    }
    return phrases;
  }
}
