package dev.groundstream.ingest.importers;

import dev.groundstream.avro.Box;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A Flickr30k Entities {@code Annotations/<id>.xml}, read like flickr30k_entities_utils
 * .get_annotations: boxes per chain id (an {@code <object>} with several {@code <name>} gives its
 * box to each chain), and the chains flagged {@code <nobndbox>} or {@code <scene>}.
 */
public record FlickrAnnotation(Optional<String> fileName, int width, int height,
    Map<String, List<Box>> boxesByChain, Set<String> noBoxChains, Set<String> sceneChains) {

  public List<Box> boxes(String chain) {
    return boxesByChain.getOrDefault(chain, List.of());
  }

  public static FlickrAnnotation read(Path xml) throws IOException {
    try (InputStream in = Files.newInputStream(xml)) {
      return parse(newBuilder().parse(in), xml.toString());
    } catch (SAXException e) {
      throw new IOException("Malformed annotation XML " + xml + ": " + e.getMessage(), e);
    }
  }

  private static FlickrAnnotation parse(Document doc, String where) throws IOException {
    Element root = doc.getDocumentElement();
    Optional<String> fileName = Optional.ofNullable(childText(root, "filename")).filter(s -> !s.isBlank());
    Element size = child(root, "size");
    int width = size == null ? 0 : intText(size, "width", where);
    int height = size == null ? 0 : intText(size, "height", where);
    Map<String, List<Box>> boxes = new LinkedHashMap<>();
    Set<String> noBox = new LinkedHashSet<>();
    Set<String> scene = new LinkedHashSet<>();
    for (Element object : children(root, "object")) {
      List<String> names = new ArrayList<>();
      for (Element name : children(object, "name")) {
        names.add(name.getTextContent().trim());
      }
      Element bndbox = child(object, "bndbox");
      if (bndbox != null) {
        // Flickr30k Entities coordinates are 1-based; subtract 1 from all four, exactly as
        // flickr30k_entities_utils.get_annotations does, so x2-x1 stays xmax-xmin as the
        // reference evaluators compute it (docs/architecture.md §5).
        Box box = Box.newBuilder()
            .setX1(intText(bndbox, "xmin", where) - 1)
            .setY1(intText(bndbox, "ymin", where) - 1)
            .setX2(intText(bndbox, "xmax", where) - 1)
            .setY2(intText(bndbox, "ymax", where) - 1)
            .build();
        for (String name : names) {
          boxes.computeIfAbsent(name, n -> new ArrayList<>()).add(box);
        }
      } else {
        if (flag(object, "nobndbox")) {
          noBox.addAll(names);
        }
        if (flag(object, "scene")) {
          scene.addAll(names);
        }
      }
    }
    return new FlickrAnnotation(fileName, width, height, boxes, noBox, scene);
  }

  private static DocumentBuilder newBuilder() throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      // Dataset files are data, not code: no DTDs, no external entities.
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IOException("No secure XML parser available", e);
    }
  }

  private static boolean flag(Element object, String tag) {
    String text = childText(object, tag);
    return text != null && !text.isBlank() && Integer.parseInt(text.trim()) > 0;
  }

  private static int intText(Element parent, String tag, String where) throws IOException {
    String text = childText(parent, tag);
    if (text == null) {
      throw new IOException("Missing <" + tag + "> in " + where);
    }
    try {
      return (int) Math.round(Double.parseDouble(text.trim()));
    } catch (NumberFormatException e) {
      throw new IOException("Bad <" + tag + ">" + text + " in " + where, e);
    }
  }

  private static String childText(Element parent, String tag) {
    Element e = child(parent, tag);
    return e == null ? null : e.getTextContent();
  }

  private static Element child(Element parent, String tag) {
    List<Element> all = children(parent, tag);
    return all.isEmpty() ? null : all.get(0);
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        out.add(e);
      }
    }
    return out;
  }
}
