package dev.groundstream.ingest.phrases;

import dev.groundstream.avro.Phrase;
import java.util.ArrayList;
import java.util.List;

/**
 * Phrases of a caption nobody marked up: NP chunks from {@link NounPhraseExtractor}, each typed
 * by {@link PhraseTyper}; ids p0, p1, ... in caption order, spans exact.
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
          .setCharStart(np.start()).setCharEnd(np.end()).setTypes(List.of(typer.type(np))).build());
    }
    return phrases;
  }
}
