package dev.groundstream.phrases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import dev.groundstream.avro.PhraseType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PhraseTyperTest {

    static PhraseTyper typer;
    static NounPhraseExtractor extractor;

    @BeforeAll
    static void load() {
        typer = PhraseTyper.shared();
        extractor = NounPhraseExtractor.shared();
    }

    /**
     * Expected types written from the Flickr30k Entities type definitions (Plummer et al., Sec. 2:
     * people, clothing — incl. colour-only "man in blue" —, body parts, animals, vehicles,
     * instruments, scene, other).
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', textBlock = """
            A man;                      people
            some people;                people
            a little girl;              people
            two young boys;             people
            A group of people;          people
            a crowd of spectators;      people
            A couple;                   people
            a bride;                    people
            the police;                 people
            a construction worker;      people
            a red shirt;                clothing
            blue jeans;                 clothing
            glasses;                    clothing
            an orange hat;              clothing
            blue;                       clothing
            black and white;            clothing
            all black;                  clothing
            shoes;                      clothing
            a helmet;                   clothing
            a black top;                clothing
            a pair of jeans;            clothing
            a necklace;                 clothing
            pierced ears;               bodyparts
            his hand;                   bodyparts
            her long hair;              bodyparts
            a beard;                    bodyparts
            his face;                   bodyparts
            her arms;                   bodyparts
            a woman's hand;             bodyparts
            a dog;                      animals
            Two dogs;                   animals
            a brown horse;              animals
            birds;                      animals
            a herd of sheep;            animals
            a team of horses;           animals
            a red bike;                 vehicles
            a car;                      vehicles
            a bus;                      vehicles
            a train;                    vehicles
            a boat;                     vehicles
            his motorcycle;             vehicles
            a guitar;                   instruments
            the drums;                  instruments
            a violin;                   instruments
            a piano;                    instruments
            the saxophone;              instruments
            the street;                 scene
            the beach;                  scene
            a grassy field;             scene
            the water;                  scene
            the snow;                   scene
            the park;                   scene
            a city street;              scene
            outside;                    scene
            the ocean;                  scene
            a parade;                   scene
            a table;                    other
            a ball;                     other
            a wedding cake;             other
            flowers;                    other
            rainbow flags;              other
            a camera;                   other
            a microphone;               other
            a bench;                    other
            an orange;                  other
            a cup of coffee;            other
            """)
    void typesPlainPhrases(String phrase, PhraseType expected) {
        assertEquals(expected, typer.type(phrase), () -> phrase + " " + typer.explain(phrase));
    }

    static Stream<Arguments> extractedCases() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (NounPhraseExtractorTest.Case c : NounPhraseExtractorTest.cases()) {
            out.add(Arguments.of(c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("extractedCases")
    void typesExtractedPhrasesOfTheCaptionCases(NounPhraseExtractorTest.Case c) {
        List<NounPhrase> got = extractor.extract(c.caption());
        List<String> want = c.phrases().stream().map(e -> e.text() + "=" + e.type()).toList();
        List<String> have = got.stream().map(p -> p.text() + "=" + typer.type(p)).toList();
        assertEquals(want, have, c.caption());
    }

    @Test
    void colourOnlyMentionsAreClothing() {
        List<NounPhrase> ps = extractor.extract("A man in blue is playing a guitar.");
        assertEquals("blue", ps.get(1).text());
        assertEquals(PhraseType.clothing, typer.type(ps.get(1)));
        assertEquals("colour-only", typer.explain(ps.get(1)).reason());
        // with an article it is no colour-only mention
        assertEquals(PhraseType.other, typer.type("an orange"));
    }

    @Test
    void groupOfPatternTakesTheComplementsType() {
        assertEquals(PhraseType.people, typer.type("a group of young men"));
        assertEquals(PhraseType.animals, typer.type("a group of dogs"));
        assertEquals(PhraseType.clothing, typer.type("a pair of sunglasses"));
        NounPhrase g = extractor.extract("A team of horses pulls a sled across the snow.").get(0);
        assertEquals(PhraseType.animals, typer.type(g));
        // bare collectives of people
        assertEquals(PhraseType.people, typer.type("a crowd"));
        assertEquals(PhraseType.people, typer.type("a group"));
        assertEquals(PhraseType.people, typer.type("the team"));
    }

    @Test
    void pluralsAreLemmatisedAndAbstractSensesSkipped() {
        assertEquals(PhraseType.clothing, typer.type("sneakers"));
        assertEquals(PhraseType.bodyparts, typer.type("teeth"));
        assertEquals(PhraseType.people, typer.type("women"));
        // "table" sense 1 is an array (abstract) -> sense 2 furniture -> other
        assertEquals(PhraseType.other, typer.type("a table"));
        // a concrete first sense that is none of the types stops the search: "rock" is never a person
        assertEquals(PhraseType.other, typer.type("a rock"));
    }

    @Test
    void explainNamesTheDecidingRule() {
        assertTrue(typer.explain("a dog").reason().contains("animal#15568"), typer.explain("a dog").reason());
        assertEquals("lexicon", typer.explain("the beach").reason());
        assertEquals("dog", typer.explain("a brown dog").head());
    }

    @Test
    void unknownWordsAreOther() {
        assertEquals(PhraseType.other, typer.type("a zzxqv"));
        assertEquals(PhraseType.other, typer.type(""));
        assertEquals(PhraseType.other, typer.type("!!!"));
    }

    @Test
    void neverReturnsNotvisual() throws Exception {
        for (NounPhraseExtractorTest.Case c : NounPhraseExtractorTest.cases()) {
            for (NounPhrase p : extractor.extract(c.caption())) {
                assertNotEquals(PhraseType.notvisual, typer.type(p));
            }
        }
    }

    @Test
    void concurrentTypingEqualsSingleThreaded() throws Exception {
        PhraseTyper fresh = PhraseTyper.fromClasspath(); // empty cache: threads race on the dictionary
        List<String> phrases = new ArrayList<>();
        for (NounPhraseExtractorTest.Case c : NounPhraseExtractorTest.cases()) {
            c.phrases().forEach(e -> phrases.add(e.text()));
        }
        List<PhraseType> expected = phrases.stream().map(typer::type).toList();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<PhraseType>>> fs = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                fs.add(pool.submit(() -> phrases.stream().map(fresh::type).toList()));
            }
            for (Future<List<PhraseType>> f : fs) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
