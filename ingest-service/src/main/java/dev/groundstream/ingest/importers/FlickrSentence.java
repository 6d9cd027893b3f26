package dev.groundstream.ingest.importers;

import dev.groundstream.avro.PhraseType;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a Flickr30k Entities {@code Sentences/<id>.txt}: the caption (its words joined by
 * single spaces, as flickr30k_entities_utils.get_sentence_data does) and its marked phrases with
 * exact character spans into that caption.
 *
 * <p>Markup: {@code [/EN#<chain>/<type>[/<type>...] word word]}; chain 0 is notvisual.
 */
public record FlickrSentence(String caption, List<MarkedPhrase> phrases) {

  public record MarkedPhrase(String text, int charStart, int charEnd, String entityId, List<PhraseType> types) {}

  public static FlickrSentence parse(String line) {
    String[] tokens = line.trim().split(" +");
    StringBuilder caption = new StringBuilder();
    List<MarkedPhrase> phrases = new ArrayList<>();
    String entity = null;
    List<PhraseType> types = null;
    int phraseStart = -1;
    for (String raw : tokens) {
      String token = raw;
      if (token.isEmpty()) {
        continue;
      }
      if (token.startsWith("[/EN#")) {
        if (entity != null) {
          throw new IllegalArgumentException("Nested phrase at '" + token + "' in: " + line);
        }
        String[] parts = token.substring(1).split("/");
        // parts: "", "EN#<chain>", type, type...
        entity = parts[1].substring(3);
        if (entity.isEmpty() || !entity.chars().allMatch(Character::isDigit) || parts.length < 3) {
          throw new IllegalArgumentException("Bad phrase header '" + token + "' in: " + line);
        }
        types = new ArrayList<>();
        for (int i = 2; i < parts.length; i++) {
          types.add(type(parts[i], line));
        }
        phraseStart = -1;
        continue;
      }
      boolean closes = entity != null && token.endsWith("]");
      if (closes) {
        token = token.substring(0, token.length() - 1);
      }
      if (caption.length() > 0) {
        caption.append(' ');
      }
      if (entity != null && phraseStart < 0) {
        phraseStart = caption.length();
      }
      caption.append(token);
      if (closes) {
        if (phraseStart < 0) {
          throw new IllegalArgumentException("Empty phrase in: " + line);
        }
        phrases.add(new MarkedPhrase(caption.substring(phraseStart), phraseStart, caption.length(), entity, List.copyOf(types)));
        entity = null;
        types = null;
      }
    }
    if (entity != null) {
      throw new IllegalArgumentException("Unclosed phrase in: " + line);
    }
    return new FlickrSentence(caption.toString(), List.copyOf(phrases));
  }

  private static PhraseType type(String name, String line) {
    try {
      return PhraseType.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown Flickr30k Entities type '" + name + "' in: " + line, e);
    }
  }
}
