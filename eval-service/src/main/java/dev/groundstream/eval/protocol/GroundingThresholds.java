package dev.groundstream.eval.protocol;

/** The fixed thresholds of the reference protocols, in one place. */
public final class GroundingThresholds {

    /** IoU (or GIoU) at or above which a box counts as correct: ">= 0.5" in every paper of §4. */
    public static final double HIT_IOU = 0.5;

    /** TorchRay's pointing-game tolerance: a point within 15 px of the ground-truth region hits. */
    public static final double POINTING_TOLERANCE_PX = 15.0;

    private GroundingThresholds() {
    }
}
