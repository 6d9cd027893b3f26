package dev.groundstream.worker.model.people;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The clothing and body-part regions the people ranker can box from keypoints, and the head nouns
 * that name them ("jeans" -> TROUSERS). Words are matched on the phrase's head noun first, then on
 * its last word.
 */
public enum BodyRegion {
  HEAD, FACE, HAIR, HAT, ARMS, HANDS, LEGS, FEET, TOP, COAT, OUTFIT, DRESS, TROUSERS, SHORTS;

  private static final Map<String, BodyRegion> WORDS = Map.<String, BodyRegion>ofEntries(
      Map.entry("head", HEAD), Map.entry("heads", HEAD),
      Map.entry("face", FACE), Map.entry("faces", FACE), Map.entry("beard", FACE), Map.entry("glasses", FACE),
      Map.entry("sunglasses", FACE), Map.entry("mouth", FACE), Map.entry("eyes", FACE), Map.entry("smile", FACE),
      Map.entry("hair", HAIR), Map.entry("ponytail", HAIR),
      Map.entry("hat", HAT), Map.entry("cap", HAT), Map.entry("helmet", HAT), Map.entry("hood", HAT),
      Map.entry("beanie", HAT), Map.entry("hats", HAT), Map.entry("helmets", HAT),
      Map.entry("arm", ARMS), Map.entry("arms", ARMS),
      Map.entry("hand", HANDS), Map.entry("hands", HANDS), Map.entry("fist", HANDS), Map.entry("gloves", HANDS),
      Map.entry("leg", LEGS), Map.entry("legs", LEGS), Map.entry("knees", LEGS),
      Map.entry("foot", FEET), Map.entry("feet", FEET), Map.entry("shoes", FEET), Map.entry("shoe", FEET),
      Map.entry("boots", FEET), Map.entry("sneakers", FEET), Map.entry("cleats", FEET), Map.entry("sandals", FEET),
      Map.entry("socks", FEET),
      Map.entry("shirt", TOP), Map.entry("t-shirt", TOP), Map.entry("tshirt", TOP), Map.entry("top", TOP),
      Map.entry("jersey", TOP), Map.entry("jacket", TOP), Map.entry("coat", COAT), Map.entry("coats", COAT),
      Map.entry("overcoat", COAT), Map.entry("raincoat", COAT), Map.entry("parka", COAT), Map.entry("sweater", TOP),
      Map.entry("hoodie", TOP), Map.entry("blouse", TOP), Map.entry("vest", TOP), Map.entry("sweatshirt", TOP),
      Map.entry("tank", TOP), Map.entry("uniform", OUTFIT), Map.entry("suit", OUTFIT), Map.entry("shirts", TOP),
      Map.entry("jackets", TOP), Map.entry("spacesuit", OUTFIT), Map.entry("overalls", OUTFIT),
      Map.entry("costume", OUTFIT), Map.entry("outfit", OUTFIT), Map.entry("clothes", OUTFIT), Map.entry("wetsuit", OUTFIT),
      Map.entry("dress", DRESS), Map.entry("gown", DRESS), Map.entry("robe", DRESS), Map.entry("dresses", DRESS),
      Map.entry("trousers", TROUSERS), Map.entry("pants", TROUSERS), Map.entry("jeans", TROUSERS),
      Map.entry("leggings", TROUSERS),
      Map.entry("shorts", SHORTS), Map.entry("skirt", SHORTS), Map.entry("skirts", SHORTS));

  public static Optional<BodyRegion> of(String word) {
    return Optional.ofNullable(WORDS.get(word.toLowerCase(Locale.ROOT)));
  }

  /** Clothing (a colour word refers to the fabric) rather than a body part. */
  public boolean clothing() {
    return switch (this) {
      case HAT, TOP, COAT, OUTFIT, DRESS, TROUSERS, SHORTS -> true;
      default -> false;
    };
  }
}
