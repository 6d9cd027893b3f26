package dev.groundstream.phrases;

import java.util.List;
import java.util.Objects;

/**
 * One noun phrase found in a caption by {@link NounPhraseExtractor}.
 *
 * <p>{@code start}/{@code end} are UTF-16 character offsets into the original caption (end exclusive),
 * and {@code text} is always exactly {@code caption.substring(start, end)}. {@code tokens} and
 * {@code posTags} are the phrase's OpenNLP tokens and Penn Treebank tags (for a merged
 * "group of people" phrase they include the "of"). {@code headIndex} indexes into {@code tokens}:
 * the head noun used by {@link PhraseTyper} (for "a group of people": "people").
 */
public record NounPhrase(String text, int start, int end, List<String> tokens, List<String> posTags, int headIndex) {

    public NounPhrase {
        Objects.requireNonNull(text, "text");
        tokens = List.copyOf(tokens);
        posTags = List.copyOf(posTags);
        if (start < 0 || end <= start || end - start != text.length()) {
            throw new IllegalArgumentException("bad span [" + start + "," + end + ") for '" + text + "'");
        }
        if (tokens.isEmpty() || tokens.size() != posTags.size()) {
            throw new IllegalArgumentException("tokens and tags must be non-empty and aligned");
        }
        if (headIndex < 0 || headIndex >= tokens.size()) {
            throw new IllegalArgumentException("head index " + headIndex + " outside " + tokens);
        }
    }

    /** The head noun as written in the caption. */
    public String head() {
        return tokens.get(headIndex);
    }

    /** Penn tag of the head noun. */
    public String headTag() {
        return posTags.get(headIndex);
    }
}
