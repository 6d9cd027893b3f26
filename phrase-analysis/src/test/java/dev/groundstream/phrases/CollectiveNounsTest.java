package dev.groundstream.phrases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CollectiveNounsTest {

  @Test
  void everyKindPassesTheHeadButOnlyGroupsAndMeasuresMergeMentions() {
    assertEquals(Optional.of(CollectiveNouns.Kind.GROUP), CollectiveNouns.kind("group"));
    assertEquals(Optional.of(CollectiveNouns.Kind.MEASURE), CollectiveNouns.kind("pair"));
    assertEquals(Optional.of(CollectiveNouns.Kind.PORTION), CollectiveNouns.kind("top"));
    assertEquals(Optional.empty(), CollectiveNouns.kind("cup"));
    assertTrue(CollectiveNouns.passesHead("top"));
    assertFalse(CollectiveNouns.mergesMention("top"));
    assertTrue(CollectiveNouns.mergesMention("crowd"));
    assertTrue(CollectiveNouns.mergesMention("pile"));
  }

  @Test
  void aCoupleIsNoGroupBoxAndSeaOrSchoolAloneNameNoGroup() {
    assertTrue(CollectiveNouns.groupsMembers("group"));
    assertFalse(CollectiveNouns.groupsMembers("couple"));
    assertFalse(CollectiveNouns.groupsMembers("pair"));
    assertTrue(CollectiveNouns.namesGroup("crowd"));
    assertFalse(CollectiveNouns.namesGroup("sea"));
    assertFalse(CollectiveNouns.namesGroup("school"));
    assertFalse(CollectiveNouns.namesGroup("line"));
  }
}
