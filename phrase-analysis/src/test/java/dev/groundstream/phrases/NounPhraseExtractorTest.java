package dev.groundstream.phrases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NounPhraseExtractorTest {

    static NounPhraseExtractor extractor;

    @BeforeAll
    static void load() {
        extractor = NounPhraseExtractor.shared();
    }

    /** One line of np-cases.tsv: a caption and its expected phrases "text@start=type". */
    record Case(String caption, List<Expected> phrases) {
        @Override
        public String toString() {
            return caption;
        }
    }

    record Expected(String text, int start, String type) {
        int end() {
            return start + text.length();
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = NounPhraseExtractorTest.class.getResourceAsStream("/phrases/np-cases.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                List<Expected> ex = new ArrayList<>();
                if (cols.length > 1 && !cols[1].isBlank()) {
                    for (String item : cols[1].split(" \\| ")) {
                        int at = item.lastIndexOf('@');
                        int eq = item.lastIndexOf('=');
                        ex.add(new Expected(item.substring(0, at), Integer.parseInt(item.substring(at + 1, eq)),
                                item.substring(eq + 1)));
                    }
                }
                out.add(new Case(cols[0], ex));
            }
        }
        return out;
    }

    static Stream<Arguments> caseArgs() throws IOException {
        return cases().stream().map(Arguments::of);
    }

    @Test
    void atLeastThirtyCaptionCases() throws IOException {
        assertTrue(cases().size() >= 30, "np-cases.tsv must hold at least 30 captions");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseArgs")
    void extractsExactSpans(Case c) {
        List<NounPhrase> got = extractor.extract(c.caption());
        List<String> want = c.phrases().stream().map(e -> e.text() + "@" + e.start() + "-" + e.end()).toList();
        List<String> have = got.stream().map(p -> p.text() + "@" + p.start() + "-" + p.end()).toList();
        assertEquals(want, have, c.caption());
        for (NounPhrase p : got) {
            assertEquals(c.caption().substring(p.start(), p.end()), p.text());
        }
    }

    @Test
    void flickr30kEntitiesFigure3ChunksAreReproduced() {
        // Plummer et al., Flickr30k Entities, Fig. 3: the dataset's own mentions for these captions.
        assertTexts("A small Asian boy is sitting on the floor of a bedroom being entertained and smiling at a lego "
                        + "toy that looks like a bug on wheels .",
                "A small Asian boy", "the floor", "a bedroom", "a lego toy", "a bug", "wheels");
        assertTexts("A man with parted hair and wearing glasses is seated outdoors on a bench where he is reading .",
                "A man", "parted hair", "glasses", "outdoors", "a bench");
        assertTexts("A woman pushes a child on a swing while another swinging child looks on .",
                "A woman", "a child", "a swing", "another swinging child");
    }

    @Test
    void leadingDeterminersAreKept() {
        assertTexts("A man wears a red shirt.", "A man", "a red shirt");
        assertTexts("The dogs chase the ball.", "The dogs", "the ball");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "He rides a bike while she watches them.",
        "They hug each other on the beach.",
        "It is sitting next to him and someone else.",
        "We see something over there and everyone waves."})
    void pronounsAreDropped(String caption) {
        Set<String> pronouns = Set.of("he", "she", "they", "them", "it", "him", "we", "us", "i", "me", "you",
                "each other", "someone", "something", "everyone", "someone else");
        for (NounPhrase p : extractor.extract(caption)) {
            assertFalse(pronouns.contains(p.text().toLowerCase(Locale.ROOT)), caption + " -> " + p.text());
            assertFalse(p.posTags().stream().allMatch(t -> t.equals("PRP")), caption + " -> " + p.text());
        }
    }

    @Test
    void pronounsDroppedButPossessivePhrasesKept() {
        assertTexts("He rides a red bike down the street while she watches.", "a red bike", "the street");
        assertTexts("She raises her hand.", "her hand");
    }

    @Test
    void nonVisualHeadsAreDropped() {
        assertTexts("A bird flies through the air above the mountains.", "A bird", "the mountains");
        assertTexts("A man stands in front of a building with trees in the background.",
                "A man", "a building", "trees");
        assertTexts("A cat sits on top of a car.", "A cat", "a car");
        assertTexts("A man plays a guitar on the side of the road.", "A man", "a guitar", "the road");
        assertTexts("A picture of a dog in the snow.", "a dog", "the snow");
        assertTexts("A woman stands in the middle of a crowd.", "A woman", "a crowd");
        assertTexts("Three people are dancing where the person in the middle wears a wedding gown.",
                "Three people", "the person", "a wedding gown");
    }

    @Test
    void wordsOnTheStopListStayWhenTheyAreThings() {
        assertTexts("A woman in a black top reads.", "A woman", "a black top");
        assertTexts("A boy lies on his back.", "A boy", "his back");
        assertTexts("A man hangs a picture on the wall.", "A man", "a picture", "the wall");
    }

    @Test
    void collectiveOfPhrasesAreMergedWithTheComplementAsHead() {
        NounPhrase g = extractor.extract("A group of people walk down a street.").get(0);
        assertEquals("A group of people", g.text());
        assertEquals("people", g.head());
        NounPhrase p = extractor.extract("A pair of shoes sits by the door.").get(0);
        assertEquals("A pair of shoes", p.text());
        assertEquals("shoes", p.head());
        NounPhrase l = extractor.extract("A large group of young men poses.").get(0);
        assertEquals("A large group of young men", l.text());
        assertEquals("men", l.head());
        // other "X of Y" stays two phrases, like Flickr30k Entities' "the floor" / "a bedroom"
        assertTexts("A man holds a cup of coffee.", "A man", "a cup", "coffee");
        // a collective word inside a compound is no collective head
        assertTexts("The finish line of the race is crowded.", "The finish line", "the race");
    }

    @Test
    void coordinationAndGerundsSplitPhrases() {
        assertTexts("Man and woman cutting wedding cake.", "Man", "woman", "wedding cake");
        assertTexts("A man with gauges and glasses is wearing a Blitz hat.",
                "A man", "gauges", "glasses", "a Blitz hat");
        assertTexts("A black and white dog runs across a grassy field.", "A black and white dog", "a grassy field");
    }

    @Test
    void possessivesSplitAndTypographicApostrophesKeepExactSpans() {
        String c = "A woman’s red umbrella shields her from the rain.";
        List<NounPhrase> ps = extractor.extract(c);
        assertEquals(List.of("A woman", "red umbrella", "the rain"), ps.stream().map(NounPhrase::text).toList());
        assertEquals(10, ps.get(1).start());
        assertTexts("A man's hand holds a cup of coffee.", "A man", "hand", "a cup", "coffee");
    }

    @Test
    void spansAreExactWithNonAsciiText() {
        String c = "🙂 Une femme — a woman in a café — holds a crêpe near the naïve painter’s easel.";
        List<NounPhrase> ps = extractor.extract(c);
        assertFalse(ps.isEmpty());
        for (NounPhrase p : ps) {
            assertEquals(c.substring(p.start(), p.end()), p.text());
            assertEquals(p.text().strip(), p.text());
        }
        assertTrue(ps.stream().anyMatch(p -> p.text().equals("a café") && p.start() == c.indexOf("a café")));
    }

    @Test
    void headIsTheLastNoun() {
        NounPhrase p = extractor.extract("A man in a bright orange safety vest.").get(1);
        assertEquals("a bright orange safety vest", p.text());
        assertEquals("vest", p.head());
        assertEquals("NN", p.headTag());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", ".", "!!!", "the", "and or but"})
    void degenerateCaptionsGiveNoPhrases(String caption) {
        assertEquals(List.of(), extractor.extract(caption));
    }

    @Test
    void nullCaptionGivesNoPhrases() {
        assertEquals(List.of(), extractor.extract(null));
    }

    @Test
    void concurrentExtractionEqualsSingleThreaded() throws Exception {
        List<String> captions = cases().stream().map(Case::caption).toList();
        List<List<NounPhrase>> expected = captions.stream().map(extractor::extract).toList();
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<List<NounPhrase>>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                Callable<List<List<NounPhrase>>> job = () -> {
                    start.await();
                    List<List<NounPhrase>> got = new ArrayList<>();
                    for (int round = 0; round < 3; round++) {
                        for (int i = 0; i < captions.size(); i++) {
                            // different threads walk the captions in different orders
                            int k = (i + offset * 7 + round) % captions.size();
                            List<NounPhrase> r = extractor.extract(captions.get(k));
                            if (round == 2) {
                                while (got.size() <= k) {
                                    got.add(null);
                                }
                                got.set(k, r);
                            } else if (!r.equals(expected.get(k))) {
                                throw new AssertionError("thread " + offset + " differs on " + captions.get(k));
                            }
                        }
                    }
                    return got;
                };
                futures.add(pool.submit(job));
            }
            start.countDown();
            for (Future<List<List<NounPhrase>>> f : futures) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sharedInstanceLoadsOnce() {
        assertTrue(NounPhraseExtractor.shared() == NounPhraseExtractor.shared());
        assertTrue(extractor.loadMillis() >= 0);
    }

    private static void assertTexts(String caption, String... texts) {
        List<NounPhrase> got = extractor.extract(caption);
        assertEquals(List.of(texts), got.stream().map(NounPhrase::text).toList(), caption);
        int from = 0;
        for (NounPhrase p : got) {
            int at = caption.indexOf(p.text(), from);
            assertEquals(at, p.start(), "span of " + p.text() + " in " + caption);
            from = p.end();
        }
    }
}
