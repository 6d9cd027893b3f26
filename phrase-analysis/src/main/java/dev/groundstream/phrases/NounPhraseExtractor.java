package dev.groundstream.phrases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import opennlp.tools.chunker.ChunkerME;
import opennlp.tools.chunker.ChunkerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Sequence;
import opennlp.tools.util.Span;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Noun-phrase chunks of a caption, the way Flickr30k Entities defines its candidate mentions:
 * non-recursive NP chunks with their leading determiner ("A man", "a red shirt"), personal pronouns
 * and a small list of non-visual heads removed, exact character spans into the caption.
 *
 * <p>Pipeline: OpenNLP 1.5 English tokenizer ({@code en-token.bin}), maxent POS tagger
 * ({@code en-pos-maxent.bin}, constructed with {@link POSTagFormat#PENN}: opennlp-tools 2.5 defaults
 * to Universal Dependencies tags (DET NOUN ADP...), on which the Penn-trained chunker breaks, e.g.
 * "in/ADP" becomes B-VP) and
 * chunker ({@code en-chunker.bin}), all loaded once from the classpath (Maven artifacts
 * {@code edu.washington.cs.knowitall:opennlp-*-models:1.5}). On top of the chunker's NP spans:
 * <ol>
 *   <li><b>Verb repair.</b> Caption fragments fool the tagger ("A girl in a pink dress jumps into
 *       the water" -> "jumps/NNS" inside the NP). When the best tag sequence has no verb at all, the
 *       best of the tagger's top-k sequences that has one is used instead, if its log score is within
 *       {@value #VERB_REPAIR_MARGIN} of the best.</li>
 *   <li><b>Repairs of the chunker's spans.</b> A lone determiner before a verb-tagged word that
 *       ends the clause takes that word as its noun ("pulls a sled/VBN across" -> "a sled"); a noun
 *       that ends a chunk right after another noun and right before a determiner is the verb and is
 *       cut off ("A surfer rides/NNS a wave" -> "A surfer").</li>
 *   <li><b>Splits inside a chunk.</b> At a gerund following a noun ("a street waving flags" ->
 *       "a street", "flags"; participles stay: "flower patterned shirt"); at a coordination between
 *       nouns ("gauges and glasses" -> "gauges", "glasses"; "black and white dog" stays whole because
 *       "black" is no noun); a leading "outside/outdoors/indoors/inside" becomes its own (scene)
 *       phrase; a finite verb the chunker swallowed ("speaks/VBZ") ends the phrase; a possessive
 *       {@code 's} splits ("A man 's hand" -> "A man", "hand"); symbols and emoji are trimmed.</li>
 *   <li><b>"NP of NP" merge, only for collective and partitive heads</b> ({@link CollectiveNouns#mergesMention}:
 *       "a group of people", "a crowd of spectators", "a pair of jeans", "a pile of oranges"). Flickr30k
 *       Entities annotates these as one mention (the paper's examples "a crowd, a pile of oranges"):
 *       the collective noun names no separate visible thing, the box is the group of X. Every other
 *       "X of Y" stays two phrases ("a cup" / "coffee", "the floor" / "a bedroom"), because X is then a
 *       separate object or part with its own box, and the chunker's non-recursive chunks are what
 *       Flickr30k Entities itself used.</li>
 *   <li><b>Removal</b> of pronoun-only chunks (PRP: he, she, they, it...; indefinite: something,
 *       someone, each other...), chunks without content words, heads in {@link MentionFilter#NON_VISUAL_HEADS}
 *       (background, foreground, distance, air — the paper's own stop list is "background, air"),
 *       positions standing alone after at most an article ({@link MentionFilter#POSITION_HEADS}: "in the middle",
 *       "on the side"), and relational or meta heads in {@link MentionFilter#HEADS_DROPPED_BEFORE_OF} when an "of"
 *       follows ("in front of", "on top of", "the side of the road", "a picture of a dog").</li>
 * </ol>
 * The repairs, splits and merge are the named steps of {@link ChunkSteps}, the removal is
 * {@link MentionFilter}; they work on {@link Token}s, the head is {@link HeadFinder#headIndex}.
 *
 * <p><b>Threading.</b> The three models are immutable and shared. The OpenNLP {@code *ME} classes are
 * not thread-safe, so each thread gets its own tokenizer/tagger/chunker trio (a {@link ThreadLocal},
 * created on first use in that thread; cheap, no model is copied). {@link #extract}
 * is therefore safe to call from any number of threads at once.
 */
public final class NounPhraseExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(NounPhraseExtractor.class);

    /** Classpath resources of the three model jars (they sit at the jar root). */
    public static final String TOKEN_MODEL = "en-token.bin";
    public static final String POS_MODEL = "en-pos-maxent.bin";
    public static final String CHUNK_MODEL = "en-chunker.bin";

    /** Natural-log score gap within which a top-k tag sequence with a verb replaces a verb-less best one. */
    static final double VERB_REPAIR_MARGIN = 1.5;

    private final TokenizerModel tokenizerModel;
    private final POSModel posModel;
    private final ChunkerModel chunkerModel;
    private final long loadMillis;
    private final ThreadLocal<Pipeline> pipelines;

    private NounPhraseExtractor(TokenizerModel tokenizerModel, POSModel posModel, ChunkerModel chunkerModel,
                                long loadMillis) {
        this.tokenizerModel = tokenizerModel;
        this.posModel = posModel;
        this.chunkerModel = chunkerModel;
        this.loadMillis = loadMillis;
        this.pipelines = ThreadLocal.withInitial(
                () -> new Pipeline(new TokenizerME(this.tokenizerModel),
                        new POSTaggerME(this.posModel, POSTagFormat.PENN),
                        new ChunkerME(this.chunkerModel)));
    }

    private static final class Holder {
        static final NounPhraseExtractor SHARED = fromClasspath();
    }

    /** The process-wide instance; models are loaded on first call (a few seconds, ~9 MB of models). */
    public static NounPhraseExtractor shared() {
        return Holder.SHARED;
    }

    /** Loads a new, independent instance from the model jars on the classpath. */
    public static NounPhraseExtractor fromClasspath() {
        long t0 = System.nanoTime();
        ClassLoader cl = NounPhraseExtractor.class.getClassLoader();
        try {
            TokenizerModel tm;
            POSModel pm;
            ChunkerModel cm;
            try (InputStream in = open(cl, TOKEN_MODEL)) {
                tm = new TokenizerModel(in);
            }
            try (InputStream in = open(cl, POS_MODEL)) {
                pm = new POSModel(in);
            }
            try (InputStream in = open(cl, CHUNK_MODEL)) {
                cm = new ChunkerModel(in);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            LOG.info("OpenNLP 1.5 tokenizer/POS/chunker models loaded in {} ms", ms);
            return new NounPhraseExtractor(tm, pm, cm, ms);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load OpenNLP models from the classpath", e);
        }
    }

    private static InputStream open(ClassLoader cl, String name) throws IOException {
        InputStream in = cl.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("model resource " + name + " not on the classpath "
                    + "(edu.washington.cs.knowitall:opennlp-*-models:1.5)");
        }
        return in;
    }

    /** Milliseconds it took to load the three models. */
    public long loadMillis() {
        return loadMillis;
    }

    /** Noun phrases of {@code caption} in caption order; empty for a null or blank caption. */
    public List<NounPhrase> extract(String caption) {
        if (caption == null || caption.isBlank()) {
            return List.of();
        }
        Pipeline p = pipelines.get();
        // Typographic quotes -> ASCII for the models (the 1.5 models only know ' and "); a 1:1 char
        // replacement, so every span is still an exact span of the original caption.
        String norm = caption.replace('\u2019', '\'').replace('\u2018', '\'')
                .replace('\u201C', '"').replace('\u201D', '"');
        Span[] spans = p.tokenizer.tokenizePos(norm);
        if (spans.length == 0) {
            return List.of();
        }
        String[] toks = Span.spansToStrings(spans, norm);
        String[] tags = tag(p.tagger, toks);
        List<Token> sentence = new ArrayList<>(toks.length);
        for (int i = 0; i < toks.length; i++) {
            sentence.add(Token.of(toks[i], tags[i], spans[i].getStart(), spans[i].getEnd()));
        }
        List<Piece> pieces = new ArrayList<>();
        for (Span c : p.chunker.chunkAsSpans(toks, tags)) {
            if ("NP".equals(c.getType())) {
                Piece chunk = new Piece(sentence, c.getStart(), c.getEnd());
                pieces.addAll(ChunkSteps.split(ChunkSteps.cutVerbTail(ChunkSteps.adoptVerbAsNoun(chunk))));
            }
        }
        pieces.sort(Comparator.comparingInt(Piece::from));
        List<NounPhrase> out = new ArrayList<>();
        for (ChunkSteps.Mention m : ChunkSteps.mentions(pieces)) {
            out.add(phrase(caption, m));
        }
        return List.copyOf(out);
    }

    private static NounPhrase phrase(String caption, ChunkSteps.Mention m) {
        List<String> texts = new ArrayList<>(m.span().size());
        List<String> tags = new ArrayList<>(m.span().size());
        for (Token t : m.span().tokens()) {
            texts.add(caption.substring(t.start(), t.end())); // the caption's own quotes, not the models'
            tags.add(t.tag());
        }
        int start = m.span().first().start();
        int end = m.span().last().end();
        return new NounPhrase(caption.substring(start, end), start, end, texts, tags, m.head() - m.span().from());
    }

    private static String[] tag(POSTaggerME tagger, String[] toks) {
        String[] best = tagger.tag(toks);
        if (toks.length < 3 || hasVerb(best)) {
            return best;
        }
        Sequence[] seqs = tagger.topKSequences(toks);
        if (seqs.length < 2) {
            return best;
        }
        double top = seqs[0].getScore();
        for (int k = 1; k < seqs.length; k++) {
            String[] alt = seqs[k].getOutcomes().toArray(new String[0]);
            if (alt.length == toks.length && hasVerb(alt) && top - seqs[k].getScore() <= VERB_REPAIR_MARGIN) {
                return alt;
            }
        }
        return best;
    }

    private static boolean hasVerb(String[] tags) {
        for (String t : tags) {
            if (t.startsWith("VB") || t.equals("MD")) {
                return true;
            }
        }
        return false;
    }

    private record Pipeline(TokenizerME tokenizer, POSTaggerME tagger, ChunkerME chunker) {
    }
}
