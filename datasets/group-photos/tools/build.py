#!/usr/bin/python3
"""Write Sentences/<id>.txt, Annotations/<id>.xml and dev.txt and test.txt from source_annotations.py.

Run from anywhere: /usr/bin/python3 tools/build.py
XML follows Flickr30k Entities: <annotation><filename/><size><width/><height/><depth/></size>
then one <object> per box (several <name> when a box is shared by several chains) with a
1-based <bndbox>, and one box-less <object> per scene / nobox chain with <scene> and <nobndbox>.
"""
import os
import sys
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from source_annotations import IMAGES  # noqa: E402


def xml_for(image_id, spec):
    im = Image.open(os.path.join(ROOT, "images", spec["file"]))
    w, h = im.size
    depth = len(im.getbands())
    out = ["<annotation>", "\t<filename>%s</filename>" % spec["file"], "\t<size>",
           "\t\t<width>%d</width>" % w, "\t\t<height>%d</height>" % h,
           "\t\t<depth>%d</depth>" % depth, "\t</size>"]
    for names, x1, y1, x2, y2 in spec["boxes"]:
        if not (0 <= x1 < x2 <= w - 1 and 0 <= y1 < y2 <= h - 1):
            raise SystemExit("%s: box %r outside %dx%d" % (image_id, (x1, y1, x2, y2), w, h))
        out.append("\t<object>")
        out += ["\t\t<name>%d</name>" % n for n in names]
        # 1-based, as in Flickr30k Entities (importers subtract 1 from all four)
        out += ["\t\t<bndbox>", "\t\t\t<xmin>%d</xmin>" % (x1 + 1), "\t\t\t<ymin>%d</ymin>" % (y1 + 1),
                "\t\t\t<xmax>%d</xmax>" % (x2 + 1), "\t\t\t<ymax>%d</ymax>" % (y2 + 1), "\t\t</bndbox>",
                "\t</object>"]
    for key, scene, nobox in (("scene", 1, 0), ("nobox", 0, 1)):
        for n in spec.get(key, []):
            out += ["\t<object>", "\t\t<name>%d</name>" % n, "\t\t<scene>%d</scene>" % scene,
                    "\t\t<nobndbox>%d</nobndbox>" % nobox, "\t</object>"]
    out.append("</annotation>")
    return "\n".join(out) + "\n"


def main():
    os.makedirs(os.path.join(ROOT, "Sentences"), exist_ok=True)
    os.makedirs(os.path.join(ROOT, "Annotations"), exist_ok=True)
    for image_id, spec in IMAGES.items():
        assert os.path.splitext(spec["file"])[0] == image_id, image_id
        with open(os.path.join(ROOT, "Sentences", image_id + ".txt"), "w") as f:
            f.write("\n".join(spec["sents"]) + "\n")
        with open(os.path.join(ROOT, "Annotations", image_id + ".xml"), "w") as f:
            f.write(xml_for(image_id, spec))
    # Split rule fixed before any model was run: sorted ids, even positions -> dev, odd -> test.
    ids = sorted(IMAGES)
    for name, part in (("dev", ids[0::2]), ("test", ids[1::2])):
        with open(os.path.join(ROOT, name + ".txt"), "w") as f:
            f.write("\n".join(part) + "\n")
    print("wrote %d images" % len(IMAGES))


if __name__ == "__main__":
    main()
