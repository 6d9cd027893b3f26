package dev.groundstream.ingest.phrases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
 *   <li><b>"NP of NP" merge, only for collective and partitive heads</b> ({@link #COLLECTIVE_HEADS}:
 *       "a group of people", "a crowd of spectators", "a pair of jeans", "a pile of oranges"). Flickr30k
 *       Entities annotates these as one mention (the paper's examples "a crowd, a pile of oranges"):
 *       the collective noun names no separate visible thing, the box is the group of X. Every other
 *       "X of Y" stays two phrases ("a cup" / "coffee", "the floor" / "a bedroom"), because X is then a
 *       separate object or part with its own box, and the chunker's non-recursive chunks are what
 *       Flickr30k Entities itself used.</li>
 *   <li><b>Removal</b> of pronoun-only chunks (PRP: he, she, they, it...; indefinite: something,
 *       someone, each other...), chunks without content words, heads in {@link #NON_VISUAL_HEADS}
 *       (background, foreground, distance, air — the paper's own stop list is "background, air"),
 *       positions standing alone after at most an article ({@link #POSITION_HEADS}: "in the middle",
 *       "on the side"), and relational or meta heads in {@link #HEADS_DROPPED_BEFORE_OF} when an "of"
 *       follows ("in front of", "on top of", "the side of the road", "a picture of a dog").</li>
 * </ol>
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

    /** Heads that are never a visual region in Flickr30k captions. */
    public static final Set<String> NON_VISUAL_HEADS = Set.of(
            "background", "foreground", "distance", "air", "mid-air", "midair");

    /**
     * Relational heads ("in front of", "on top of", "the side of") and meta heads ("a picture of a
     * dog": the picture is the photo itself) dropped when the next token is "of". Without "of" they
     * stay: "a black top" is clothing, "a picture" on a wall is an object.
     */
    public static final Set<String> HEADS_DROPPED_BEFORE_OF = Set.of(
            "front", "top", "side", "sides", "middle", "edge", "bottom", "center", "centre", "back", "rear",
            "picture", "photo", "photograph", "image", "close-up", "closeup", "view", "shot", "snapshot");

    /**
     * Positions, dropped when they stand alone after at most an article ("in the middle", "in
     * center", "on the side", "in the back"); "his back" (a body part) stays.
     */
    public static final Set<String> POSITION_HEADS = Set.of(
            "front", "middle", "center", "centre", "side", "sides", "edge", "bottom", "back", "left", "right",
            "rear");

    /**
     * Collective/partitive heads: "X of NP" is merged into one phrase whose head is NP's head, when
     * X is the chunk's only noun ("a large group of people"; not "the finish line of the race").
     */
    public static final Set<String> COLLECTIVE_HEADS = Set.of(
            "group", "groups", "crowd", "crowds", "team", "teams", "bunch", "pair", "pairs", "couple",
            "lot", "lots", "herd", "flock", "pack", "pile", "piles", "stack", "row", "rows", "line",
            "lines", "number", "handful", "variety", "set", "band", "troop", "gang", "crew", "swarm",
            "school", "cluster", "bouquet", "mass", "sea", "dozen", "dozens", "hundreds", "family",
            "families");

    /** Pronoun-like words whose chunk alone names nobody specific. */
    static final Set<String> PRONOUN_WORDS = Set.of(
            "something", "someone", "somebody", "anything", "anyone", "anybody", "everything",
            "everyone", "everybody", "nothing", "nobody", "one", "ones", "another", "other", "others",
            "each", "both", "all", "either", "neither", "this", "that", "these", "those", "which", "who",
            "whom", "what", "whatever", "themselves", "himself", "herself", "itself", "yourself");

    private static final Set<String> SCENE_ADVERBS = Set.of("outside", "outdoors", "indoors", "inside");

    /** Tags that carry no content of their own. */
    private static final Set<String> FUNCTION_TAGS = Set.of(
            "DT", "PDT", "PRP$", "POS", "CC", "IN", "TO", "CD", "WDT", "WP", "WP$", "EX", "RP", "MD",
            ",", ".", ":", "``", "''", "-LRB-", "-RRB-", "#", "$", "SYM", "LS");

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
        String[] lower = new String[toks.length];
        for (int i = 0; i < toks.length; i++) {
            lower[i] = toks[i].toLowerCase(Locale.ROOT);
        }
        String[] tags = tag(p.tagger, toks);
        Span[] chunks = p.chunker.chunkAsSpans(toks, tags);

        List<int[]> pieces = new ArrayList<>();
        for (Span c : chunks) {
            if (!"NP".equals(c.getType())) {
                continue;
            }
            int s = c.getStart();
            int e = c.getEnd();
            // Orphan determiner: "pulls a/DT sled/VBN across" -> the tagger took the noun for a verb.
            if (e - s == 1 && tags[s].equals("DT") && e < toks.length && tags[e].startsWith("VB")
                    && (e + 1 == toks.length || isPunct(tags[e + 1]) || tags[e + 1].equals("IN")
                    || tags[e + 1].equals("TO") || tags[e + 1].equals("CC"))) {
                tags[e] = "NN";
                e++;
            }
            // Verb tail: "A surfer rides/NNS a wave" -> a noun after a noun, right before a determiner,
            // is the sentence's verb.
            if (e - s >= 2 && e < toks.length && isNoun(tags[e - 1]) && isNoun(tags[e - 2])
                    && (tags[e].equals("DT") || tags[e].equals("PRP$"))) {
                e--;
            }
            split(s, e, lower, tags, pieces);
        }
        pieces.sort((a, b) -> Integer.compare(a[0], b[0]));

        List<NounPhrase> out = new ArrayList<>();
        for (int k = 0; k < pieces.size(); k++) {
            int s = pieces.get(k)[0];
            int e = pieces.get(k)[1];
            int head = head(s, e, tags);
            // "NP of NP" merge for collective heads only.
            if (COLLECTIVE_HEADS.contains(lower[head]) && !hasNoun(s, head, tags)
                    && k + 1 < pieces.size() && e < toks.length
                    && lower[e].equals("of") && pieces.get(k + 1)[0] == e + 1 && keep(pieces.get(k + 1), lower, tags)) {
                int[] b = pieces.get(k + 1);
                head = head(b[0], b[1], tags);
                e = b[1];
                k++;
            } else if (!keep(pieces.get(k), lower, tags)) {
                continue;
            }
            int start = spans[s].getStart();
            int end = spans[e - 1].getEnd();
            List<String> ptoks = new ArrayList<>(e - s);
            List<String> ptags = new ArrayList<>(e - s);
            for (int i = s; i < e; i++) {
                ptoks.add(caption.substring(spans[i].getStart(), spans[i].getEnd()));
                ptags.add(tags[i]);
            }
            out.add(new NounPhrase(caption.substring(start, end), start, end, ptoks, ptags, head - s));
        }
        return List.copyOf(out);
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

    private static boolean isNoun(String tag) {
        return tag.startsWith("NN");
    }

    private static boolean isPunct(String tag) {
        return !tag.isEmpty() && !Character.isLetter(tag.charAt(0));
    }

    /** Splits chunk [s,e) by the rules in the class comment and appends the pieces. */
    private static void split(int s, int e, String[] lower, String[] tags, List<int[]> out) {
        // trim possessive markers, punctuation, conjunctions and finite verbs at both ends
        while (s < e && (trimmed(tags[s]) || !hasAlnum(lower[s]))) {
            s++;
        }
        while (e > s && (trimmed(tags[e - 1]) || !hasAlnum(lower[e - 1]))) {
            e--;
        }
        if (s >= e) {
            return;
        }
        if (e - s > 1 && SCENE_ADVERBS.contains(lower[s])) {
            out.add(new int[] {s, s + 1});
            split(s + 1, e, lower, tags, out);
            return;
        }
        for (int i = s + 1; i < e; i++) {
            boolean afterNoun = isNoun(tags[i - 1]);
            if (afterNoun && tags[i].equals("VBG")) {
                out.add(new int[] {s, i});
                int j = i;
                while (j < e && (tags[j].startsWith("VB") || tags[j].equals("RP"))) {
                    j++;
                }
                split(j, e, lower, tags, out);
                return;
            }
            if (afterNoun && (tags[i].equals("CC") || tags[i].equals(",")) && hasNoun(i + 1, e, tags)) {
                out.add(new int[] {s, i});
                split(i + 1, e, lower, tags, out);
                return;
            }
            if (FINITE_VERB_TAGS.contains(tags[i])) { // the chunker swallowed a verb
                out.add(new int[] {s, i});
                split(i + 1, e, lower, tags, out);
                return;
            }
            if (tags[i].equals("POS")) { // "a man 's hand" inside one chunk
                out.add(new int[] {s, i});
                split(i + 1, e, lower, tags, out);
                return;
            }
        }
        out.add(new int[] {s, e});
    }

    private static final Set<String> FINITE_VERB_TAGS = Set.of("VBZ", "VBD", "VBP", "MD");

    private static boolean trimmed(String tag) {
        return tag.equals("POS") || tag.equals("CC") || isPunct(tag) || FINITE_VERB_TAGS.contains(tag);
    }

    /** Symbols and emoji the tokenizer left as tokens ("—", "🙂") never start or end a phrase. */
    private static boolean hasAlnum(String token) {
        return token.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static boolean hasNoun(int s, int e, String[] tags) {
        for (int i = s; i < e; i++) {
            if (isNoun(tags[i])) {
                return true;
            }
        }
        return false;
    }

    /** Head token index: the last noun; else the last content token; else the last token. */
    private static int head(int s, int e, String[] tags) {
        for (int i = e - 1; i >= s; i--) {
            if (isNoun(tags[i])) {
                return i;
            }
        }
        for (int i = e - 1; i >= s; i--) {
            if (!FUNCTION_TAGS.contains(tags[i])) {
                return i;
            }
        }
        return e - 1;
    }

    /** Whether piece {s,e} is a visual mention (not pronoun-only, not a stop-listed head). */
    private static boolean keep(int[] piece, String[] lower, String[] tags) {
        int s = piece[0];
        int e = piece[1];
        boolean content = false;
        boolean onlyPronouns = true;
        for (int i = s; i < e; i++) {
            if (FUNCTION_TAGS.contains(tags[i])) {
                continue;
            }
            content = true;
            if (!(tags[i].equals("PRP") || PRONOUN_WORDS.contains(lower[i]))) {
                onlyPronouns = false;
            }
        }
        if (!content || onlyPronouns) {
            return false;
        }
        if (e - s == 2 && ((lower[s].equals("each") && lower[s + 1].equals("other"))
                || (lower[s].equals("one") && lower[s + 1].equals("another")))) {
            return false;
        }
        String head = lower[head(s, e, tags)];
        if (NON_VISUAL_HEADS.contains(head)) {
            return false;
        }
        if (POSITION_HEADS.contains(head) && onlyArticleBefore(s, e, lower)) {
            return false; // "in the middle", "in center", "on the side", "in the back"
        }
        return !(HEADS_DROPPED_BEFORE_OF.contains(head) && e < lower.length && lower[e].equals("of"));
    }

    private static boolean onlyArticleBefore(int s, int e, String[] lower) {
        for (int i = s; i < e - 1; i++) {
            if (!(lower[i].equals("a") || lower[i].equals("an") || lower[i].equals("the"))) {
                return false;
            }
        }
        return true;
    }

    private record Pipeline(TokenizerME tokenizer, POSTaggerME tagger, ChunkerME chunker) {
    }
}
