package dev.groundstream.launcher.synthetic;

import java.util.List;

/**
 * Objects of the same kind and colour, named by one caption phrase ("two blue squares") and so
 * one entity chain with a box per member.
 */
public record ShapeGroup(ShapeKind kind, ShapeColour colour, List<PlannedShape> members) {
  public ShapeGroup {
    members = List.copyOf(members);
    if (members.isEmpty()) {
      throw new IllegalArgumentException("A group has at least one member");
    }
  }

  public int count() {
    return members.size();
  }
}
