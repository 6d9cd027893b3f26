package dev.groundstream.phrases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.groundstream.avro.PhraseType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Types a noun phrase into the eight Flickr30k Entities types (people, clothing, bodyparts, animals,
 * vehicles, instruments, scene, other) from its head noun. The mapping is documented, rule by rule,
 * in {@code phrase-analysis/docs/phrase-typing.md}; in order:
 * <ol>
 *   <li><b>Colour-only</b> phrases ("blue", "all black", "red and white": only colour words and
 *       dark/light/bright/pale/all, no article) are clothing — Flickr30k's "man in blue" convention.</li>
 *   <li><b>Head noun</b>: the last noun ({@link NounPhrase#head()} from the extractor; for a plain
 *       string the {@link HeadFinder}: "group/crowd/team/pair/... of X" takes X's head ("a group of
 *       people" -> people, "a pair of jeans" -> jeans); another "X of Y" takes X.</li>
 *   <li><b>Curated lexicon</b> ({@link #LEXICON}) on the head and its WordNet base forms: scene words
 *       (street, beach, field, water, snow...), bare collectives (group, crowd, couple -> people),
 *       eyewear and helmets (clothing), and a few overrides of misleading first senses (bat).</li>
 *   <li><b>WordNet 3.1 hypernyms</b>: for the first three non-instance noun senses of each base form,
 *       in WordNet's frequency order, the first sense whose hypernym closure contains an anchor
 *       synset of {@link #ANCHORS} gives the type (anchors tried in the listed type order);
 *       otherwise other.</li>
 * </ol>
 *
 * <p>The dictionary is the shared {@link WordNet} lexicon (every access serialised there); results are
 * cached per head word in a concurrent map, so steady-state typing takes no lock. Instances are
 * safe for concurrent use.
 */
public final class PhraseTyper {

    private static final Logger LOG = LoggerFactory.getLogger(PhraseTyper.class);

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

    /** The reasoning behind one typing decision. */
    public record Typing(PhraseType type, String head, String reason) {
    }

    private final WordNet wordNet;
    private final HeadFinder heads;
    private final Map<String, Typing> headCache = new ConcurrentHashMap<>();

    /** A typer over {@code wordNet}; fails fast when an anchor is not the documented synset. */
    public PhraseTyper(WordNet wordNet) {
        this.wordNet = wordNet;
        this.heads = new HeadFinder(wordNet, LEXICON.keySet());
        verifyAnchors();
    }

    private static final class Holder {
        static final PhraseTyper SHARED = new PhraseTyper(WordNet.shared());
    }

    /** The process-wide instance over the shared WordNet, opened on first call. */
    public static PhraseTyper shared() {
        return Holder.SHARED;
    }

    /** A new typer with its own dictionary and an empty cache. */
    public static PhraseTyper fromClasspath() {
        return new PhraseTyper(WordNet.open());
    }

    /** Milliseconds it took to open the dictionary. */
    public long loadMillis() {
        return wordNet.loadMillis();
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
        HeadFinder.Head h = heads.find(phrase);
        if (h.words().isEmpty()) {
            return new Typing(PhraseType.other, "", "no words");
        }
        if (colourOnly(h.words())) {
            return new Typing(PhraseType.clothing, h.words().get(h.words().size() - 1), "colour-only");
        }
        return typeHead(h.head());
    }

    /** The head a plain-text phrase is typed by (what ingest sends along as the phrase's head). */
    public String head(String phrase) {
        return heads.find(phrase).head();
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
        try {
            List<String> bases = baseForms(w.replace('’', '\''));
            int space = w.lastIndexOf(' ');
            if (bases.isEmpty() && space > 0) {
                return computeHead(w.substring(space + 1)); // a compound WordNet lacks: its last word
            }
            for (String b : bases) {
                lex = LEXICON.get(b);
                if (lex != null) {
                    return new Typing(lex, w, "lexicon:" + b);
                }
            }
            for (String b : bases) {
                Typing t = byHypernyms(w, b);
                if (t != null) {
                    return t;
                }
            }
            return new Typing(PhraseType.other, w, bases.isEmpty() ? "not in WordNet" : "no anchor");
        } catch (IllegalStateException e) {
            LOG.warn("WordNet lookup failed for '{}': {}", w, e.toString());
            return new Typing(PhraseType.other, w, "lookup failed");
        }
    }

    /**
     * Base forms of a head; for a two-word compound ("wedding cake", "police officers") only the
     * compounds WordNet has as a lemma (its morphology would also offer the first word alone).
     */
    private List<String> baseForms(String w) {
        int space = w.lastIndexOf(' ');
        if (space < 0) {
            return wordNet.baseForms(w);
        }
        List<String> out = new ArrayList<>();
        for (String b : wordNet.baseForms(w.substring(space + 1))) {
            String compound = w.substring(0, space + 1) + b;
            if (wordNet.isExactNoun(compound) && !out.contains(compound)) {
                out.add(compound);
            }
        }
        return out;
    }

    private Typing byHypernyms(String surface, String lemma) {
        int tried = 0;
        for (WordNet.Sense sense : wordNet.lemmaSenses(lemma)) {
            if (wordNet.isInstance(sense.offset())) {
                continue; // proper nouns ("Grass" the writer, "Sand")
            }
            if (tried++ >= SENSES_TRIED) {
                break;
            }
            Set<Long> closure = wordNet.hypernymDistances(sense.offset()).keySet();
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

    /** The first anchor (in {@link #ANCHORS} order) in a hypernym closure. */
    private static Anchor anchorOf(Set<Long> closure) {
        for (Anchor a : ANCHORS) {
            if (closure.contains(a.offset())) {
                return a;
            }
        }
        return null;
    }

    /** Fails fast if an anchor offset does not name the documented synset in this WordNet. */
    private void verifyAnchors() {
        List<Anchor> all = new ArrayList<>(ANCHORS);
        all.add(new Anchor(PhraseType.other, "physical entity", PHYSICAL_ENTITY));
        for (Anchor a : all) {
            if (!wordNet.hasLemma(a.offset(), a.lemma())) {
                throw new IllegalStateException("WordNet anchor " + a + " not found: wrong WordNet version?");
            }
        }
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
