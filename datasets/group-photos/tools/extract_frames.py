#!/usr/bin/python3
"""Extract the benchmark's frames from OpenCV's sample video vtest.avi (package opencv-doc).

Frames 0, 25, 50, ..., 725 (every 25th frame = 2.5 s apart at 10 fps: the first 30 frames of
that sample, none dropped or picked by content) are decoded with ffmpeg to lossless PNG, then
saved with PIL as baseline JPEG, quality 95 (no resizing, no cropping).

Usage: /usr/bin/python3 tools/extract_frames.py [/usr/share/doc/opencv-doc/examples/data/vtest.avi]
Needs ffmpeg and python3-pil; `apt-get download opencv-doc && dpkg -x opencv-doc_*.deb x`
gives the video without installing the package.
"""
import os
import subprocess
import sys
import tempfile

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FRAMES = list(range(0, 726, 25))


def main():
    video = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/doc/opencv-doc/examples/data/vtest.avi"
    os.makedirs(os.path.join(ROOT, "images"), exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.check_call(["ffmpeg", "-v", "error", "-i", video, "-vf", r"select=not(mod(n\,25))",
                               "-vsync", "0", "-start_number", "0", os.path.join(tmp, "f%03d.png")])
        for n in FRAMES:
            im = Image.open(os.path.join(tmp, "f%03d.png" % (n // 25))).convert("RGB")
            im.save(os.path.join(ROOT, "images", "vtest_%04d.jpg" % n), quality=95)
    print("wrote %d frames" % len(FRAMES))


if __name__ == "__main__":
    main()
