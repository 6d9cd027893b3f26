"""Hand-made source of the group-photos benchmark annotations (frames of OpenCV's vtest.avi).

tools/build.py turns this into Sentences/<id>.txt, Annotations/<id>.xml, dev.txt and test.txt.
Conventions are those of datasets/groundstream-photos/tools/source_annotations.py:
  * Flickr30k Entities bracket markup, chain ids per image (1, 2, ...), id 0 = notvisual;
  * boxes are (names, x1, y1, x2, y2) in 0-based pixel-edge coordinates, read off 10-px grid
    overlays of 4x zoomed crops; build.py writes them 1-based, as Flickr30k Entities does;
  * "scene": chains with <scene>1</scene> and no box.
The camera is fixed, so the static things (lamp post, tripod, van...) have the same box in
every frame (STATIC, measured on the median background of the video).
"""

IMAGES = {}

STATIC = {
    "lamp post": (397, 17, 439, 392),
    "sign": (413, 202, 444, 243),
    "tripod": (459, 337, 525, 482),
    "far tripod": (430, 118, 460, 178),
}


def frame(n, sents, boxes, scene=()):
    IMAGES["vtest_%04d" % n] = dict(file="vtest_%04d.jpg" % n, sents=sents, boxes=boxes, scene=list(scene))


frame(0, [
    "[/EN#1/people Three people] walk across [/EN#2/scene a paved square] near [/EN#3/other a lamp post] .",
    "[/EN#4/people A man] in [/EN#5/clothing a black jacket] and [/EN#6/clothing blue jeans] walks toward [/EN#7/people a man] in [/EN#8/clothing a gray hooded jacket] and [/EN#9/clothing black pants] .",
    "[/EN#10/people A person] with [/EN#11/bodyparts dark hair] in [/EN#12/clothing a long black coat] walks to the right .",
], [
    ([1, 7], 254, 220, 284, 308),
    ([1, 4], 500, 157, 528, 233),
    ([1, 10], 639, 241, 685, 324),
    ([3], *STATIC["lamp post"]),
    ([5], 500, 172, 528, 201),
    ([6], 507, 199, 523, 230),
    ([8], 254, 230, 281, 271),
    ([9], 256, 268, 283, 308),
    ([11], 651, 241, 664, 257),
    ([12], 645, 252, 684, 298),
], scene=[2])

frame(25, [
    "[/EN#1/people A man] in [/EN#2/clothing a red and blue jacket] carries [/EN#3/other a white bag] next to [/EN#4/people a woman] with [/EN#5/bodyparts blond hair] in [/EN#6/clothing a black coat] .",
    "[/EN#7/people Three people] walk past [/EN#8/other a sign] on [/EN#9/other a lamp post] while [/EN#1/people a man] in [/EN#10/clothing blue jeans] and [/EN#11/clothing white sneakers] walks away .",
], [
    ([1], 654, 260, 693, 365),
    ([2], 662, 272, 693, 316),
    ([3], 654, 316, 676, 333),
    ([4], 693, 260, 729, 357),
    ([5], 700, 260, 717, 271),
    ([6], 693, 271, 729, 325),
    ([7], 389, 175, 414, 252),
    ([7], 373, 188, 400, 271),
    ([7], 411, 232, 443, 308),
    ([8], *STATIC["sign"]),
    ([9], *STATIC["lamp post"]),
    ([10], 660, 312, 687, 357),
    ([11], 669, 354, 684, 365),
])

frame(50, [
    "[/EN#1/people A man] in [/EN#2/clothing a red and navy jacket] carries [/EN#3/other a white bag] beside [/EN#4/people a woman] with [/EN#5/bodyparts blond hair] in [/EN#6/clothing a black coat] and [/EN#7/clothing jeans] .",
    "[/EN#8/people A man] with [/EN#9/bodyparts a balding head] in [/EN#10/clothing a dark jacket] walks behind [/EN#11/people two men] standing by [/EN#12/other a sign] .",
], [
    ([1], 502, 217, 541, 311),
    ([2], 506, 227, 540, 273),
    ([3], 500, 261, 516, 276),
    ([4], 553, 214, 587, 303),
    ([5], 559, 214, 573, 229),
    ([6], 554, 225, 580, 273),
    ([7], 555, 269, 585, 299),
    ([8], 668, 259, 714, 372),
    ([9], 683, 258, 697, 272),
    ([10], 679, 268, 707, 321),
    ([11], 373, 180, 401, 260),
    ([11], 410, 181, 428, 263),
    ([12], *STATIC["sign"]),
])

frame(75, [
    "[/EN#1/people A man] in [/EN#2/clothing a brown jacket] hands [/EN#3/other a piece of paper] to [/EN#4/people a man] standing behind [/EN#5/other a green sign] .",
    "[/EN#6/people A woman] with [/EN#7/bodyparts blond hair] walks next to [/EN#8/people a man] in [/EN#9/clothing a red and navy jacket] .",
    "[/EN#10/people A man] in [/EN#11/clothing a black sweater] stands near [/EN#12/other a yellow traffic cone] as [/EN#13/people a man] in [/EN#14/clothing blue jeans] walks away .",
], [
    ([1], 370, 180, 403, 260),
    ([2], 370, 188, 399, 225),
    ([3], 390, 208, 403, 221),
    ([4], 408, 182, 430, 263),
    ([5], *STATIC["sign"]),
    ([6], 479, 180, 506, 258),
    ([7], 484, 180, 500, 195),
    ([8], 440, 182, 469, 264),
    ([9], 440, 190, 469, 230),
    ([10], 264, 170, 289, 239),
    ([11], 264, 177, 290, 211),
    ([12], 292, 184, 304, 209),
    ([13], 578, 199, 607, 294),
    ([14], 580, 247, 601, 294),
])

frame(100, [
    "[/EN#1/people A man] in [/EN#2/clothing a red and navy jacket] holding [/EN#3/other a white bag] walks beside [/EN#4/people a blond woman] in [/EN#5/clothing a black coat] .",
    "[/EN#6/people A man] in [/EN#7/clothing a dark jacket] and [/EN#8/clothing jeans] stands as [/EN#9/people a person] with [/EN#10/bodyparts dark hair] walks past him .",
    "[/EN#11/people Several people] walk across [/EN#12/scene a paved area] .",
], [
    ([1, 11], 490, 148, 515, 222),
    ([2], 491, 157, 515, 190),
    ([3], 488, 187, 499, 197),
    ([4, 11], 514, 150, 541, 220),
    ([5], 515, 158, 540, 197),
    ([6, 11], 374, 178, 411, 256),
    ([7], 375, 187, 411, 222),
    ([8], 381, 220, 400, 255),
    ([9, 11], 348, 199, 383, 275),
    ([10], 357, 199, 367, 212),
    ([11], 222, 62, 236, 94),
    ([11], 430, 180, 450, 258),
    ([11], 591, 153, 616, 234),
], scene=[12])

frame(125, [
    "[/EN#1/people A person] in [/EN#2/clothing a light blue jacket] with [/EN#3/clothing a white hood] carries [/EN#4/other a black bag] .",
    "[/EN#5/people A man] in [/EN#6/clothing a long black coat] walks toward [/EN#7/people a couple] walking away .",
    "[/EN#8/people A man] in [/EN#9/clothing a dark jacket] and [/EN#10/clothing jeans] walks by [/EN#11/other a lamp post] .",
], [
    ([1], 637, 212, 680, 298),
    ([2], 638, 222, 672, 262),
    ([3], 651, 212, 663, 226),
    ([4], 667, 233, 676, 256),
    ([5], 553, 217, 576, 301),
    ([6], 553, 228, 576, 280),
    ([7], 576, 125, 598, 192),
    ([7], 597, 128, 619, 190),
    ([8], 378, 180, 411, 262),
    ([9], 378, 192, 403, 222),
    ([10], 380, 218, 400, 258),
    ([11], *STATIC["lamp post"]),
])

frame(150, [
    "[/EN#1/people A man] in [/EN#2/clothing a navy jacket] and [/EN#3/clothing jeans] walks toward [/EN#4/people a man] with [/EN#5/bodyparts short dark hair] who passes [/EN#6/people a person] in [/EN#7/clothing a white hood] .",
    "[/EN#8/people A man] in [/EN#9/clothing a brown jacket] walks past [/EN#10/other a sign] while [/EN#11/people a couple] walks away in the distance .",
], [
    ([1], 591, 228, 626, 316),
    ([2], 591, 235, 618, 270),
    ([3], 591, 265, 626, 316),
    ([4], 434, 194, 462, 278),
    ([5], 444, 194, 455, 207),
    ([6], 448, 180, 474, 256),
    ([7], 450, 180, 465, 197),
    ([8], 388, 195, 420, 279),
    ([9], 388, 197, 418, 238),
    ([10], *STATIC["sign"]),
    ([11], 638, 107, 657, 166),
    ([11], 656, 110, 678, 165),
])

frame(175, [
    "[/EN#1/people A man] in [/EN#2/clothing a black jacket] points with [/EN#3/bodyparts his arm] as he walks beside [/EN#4/people a man] in [/EN#5/clothing black pants] .",
    "[/EN#6/people A person] in [/EN#7/clothing a white hood] and [/EN#8/clothing a light blue jacket] carries [/EN#9/other a dark bag] .",
    "[/EN#10/people Two people] walk away in the distance while [/EN#11/people a man] in [/EN#12/clothing jeans] walks behind [/EN#13/other a sign] .",
], [
    ([1], 460, 217, 502, 305),
    ([2], 460, 228, 502, 265),
    ([3], 460, 232, 482, 248),
    ([4], 553, 213, 588, 302),
    ([5], 558, 258, 583, 301),
    ([6], 241, 166, 273, 234),
    ([7], 247, 166, 262, 180),
    ([8], 241, 175, 265, 215),
    ([9], 262, 183, 273, 205),
    ([10], 676, 100, 697, 156),
    ([10], 696, 103, 716, 155),
    ([11], 397, 214, 428, 299),
    ([12], 407, 258, 424, 299),
    ([13], *STATIC["sign"]),
])

frame(200, [
    "[/EN#1/people A young man] with [/EN#11/bodyparts short dark hair] in [/EN#2/clothing a black jacket] and [/EN#3/clothing blue jeans] walks next to [/EN#4/people a man] in [/EN#5/clothing a black leather jacket] .",
    "[/EN#6/people A person] in [/EN#7/clothing a striped navy sweater] walks away from [/EN#8/people a balding man] , and [/EN#9/people a person] in [/EN#10/clothing a white hood] walks on the left .",
], [
    ([1], 617, 265, 651, 369),
    ([11], 628, 265, 641, 276),
    ([2], 617, 280, 651, 325),
    ([3], 621, 322, 648, 365),
    ([4], 704, 253, 742, 354),
    ([5], 704, 265, 742, 315),
    ([6], 220, 188, 250, 268),
    ([7], 220, 190, 250, 232),
    ([8], 488, 145, 517, 223),
    ([9], 84, 154, 111, 215),
    ([10], 85, 154, 94, 166),
])

frame(225, [
    "[/EN#1/people A man] with [/EN#2/bodyparts dark hair] in [/EN#3/clothing a brown jacket] and [/EN#4/clothing jeans] strides across [/EN#5/scene the pavement] .",
    "[/EN#6/people A man] in [/EN#7/clothing a red and navy jacket] walks with [/EN#8/people a woman] in [/EN#9/clothing a black coat] , and [/EN#10/people a man] in [/EN#11/clothing a black jacket] and [/EN#12/clothing black pants] walks to the right .",
], [
    ([1], 531, 285, 579, 399),
    ([2], 553, 285, 566, 299),
    ([3], 545, 297, 579, 352),
    ([4], 531, 345, 578, 395),
    ([6], 653, 109, 673, 169),
    ([7], 654, 118, 673, 142),
    ([8], 672, 112, 694, 168),
    ([9], 672, 121, 692, 150),
    ([10], 702, 227, 733, 313),
    ([11], 702, 240, 733, 280),
    ([12], 708, 275, 732, 313),
], scene=[5])

frame(250, [
    "[/EN#1/people A man] in [/EN#2/clothing a gray jacket] carries [/EN#3/other a piece of paper] as [/EN#4/people a man] in [/EN#5/clothing a black jacket] and [/EN#6/clothing jeans] walks past [/EN#7/other a lamp post] .",
    "[/EN#8/people A woman] with [/EN#9/bodyparts blond hair] walks beside [/EN#10/people a man] in [/EN#11/clothing a red and navy jacket] .",
], [
    ([1], 595, 254, 641, 355),
    ([2], 602, 266, 630, 311),
    ([3], 595, 308, 608, 318),
    ([4], 372, 231, 421, 327),
    ([5], 372, 243, 415, 285),
    ([6], 385, 282, 418, 325),
    ([7], *STATIC["lamp post"]),
    ([8], 655, 124, 678, 185),
    ([9], 662, 124, 671, 135),
    ([10], 634, 121, 655, 186),
    ([11], 635, 131, 655, 158),
])

frame(275, [
    "[/EN#1/people A man] in [/EN#2/clothing a brown leather jacket] stands next to [/EN#3/other a lamp post] holding [/EN#4/other a white paper] .",
    "[/EN#5/people A man] in [/EN#6/clothing a red and navy jacket] carries [/EN#7/other a small white bag] beside [/EN#8/people a woman] in [/EN#9/clothing a black coat] , while [/EN#10/people a man] in [/EN#11/clothing a brown jacket] walks away .",
], [
    ([1], 433, 230, 464, 326),
    ([2], 437, 242, 464, 290),
    ([3], *STATIC["lamp post"]),
    ([4], 437, 279, 446, 289),
    ([5], 600, 136, 626, 205),
    ([6], 601, 147, 626, 180),
    ([7], 621, 172, 628, 182),
    ([8], 628, 140, 651, 206),
    ([9], 628, 150, 651, 185),
    ([10], 267, 189, 300, 271),
    ([11], 268, 200, 300, 232),
])

frame(300, [
    "[/EN#1/people A man] in [/EN#2/clothing a red and navy jacket] holds [/EN#3/other a white plastic bag] next to [/EN#4/people a woman] with [/EN#5/bodyparts curly blond hair] .",
    "[/EN#6/people A man] in [/EN#7/clothing a dark jacket] and [/EN#8/clothing black pants] walks toward [/EN#9/other a yellow traffic cone] , and [/EN#10/people a balding man] in [/EN#11/clothing jeans] walks to the left .",
], [
    ([1], 582, 160, 613, 234),
    ([2], 582, 170, 613, 200),
    ([3], 602, 197, 613, 210),
    ([4], 619, 162, 642, 235),
    ([5], 625, 162, 637, 173),
    ([6], 316, 210, 343, 296),
    ([7], 318, 222, 343, 262),
    ([8], 322, 258, 340, 296),
    ([9], 292, 184, 304, 209),
    ([10], 186, 160, 230, 235),
    ([11], 190, 198, 228, 232),
])

frame(325, [
    "[/EN#1/people A woman] with [/EN#2/bodyparts blond hair] in [/EN#3/clothing a black coat] walks beside [/EN#4/people a man] in [/EN#5/clothing a red and navy jacket] and [/EN#6/clothing dark jeans] .",
    "[/EN#7/people Four men] walk across [/EN#8/scene a paved plaza] while [/EN#9/people a man] in [/EN#10/clothing a brown leather jacket] and [/EN#11/clothing black trousers] walks past [/EN#12/other a traffic cone] .",
], [
    ([1], 632, 191, 660, 275),
    ([2], 639, 191, 651, 205),
    ([3], 632, 202, 660, 250),
    ([4], 605, 190, 632, 273),
    ([5], 605, 199, 632, 232),
    ([6], 607, 228, 631, 272),
    ([7], 223, 174, 257, 243),
    ([7, 9], 266, 199, 300, 280),
    ([7], 332, 168, 359, 251),
    ([7], 456, 147, 482, 217),
    ([10], 268, 209, 293, 245),
    ([11], 272, 243, 300, 279),
    ([12], 292, 184, 304, 209),
], scene=[8])

frame(350, [
    "[/EN#1/people A man] in [/EN#2/clothing a red and navy jacket] carries [/EN#3/other a white plastic bag] and talks to [/EN#4/people a woman] with [/EN#5/bodyparts long blond hair] in [/EN#6/clothing a black coat] .",
    "[/EN#7/people A man] in [/EN#8/clothing a brown leather jacket] walks in front of [/EN#9/people a man] in black as [/EN#10/people a man] in [/EN#11/clothing blue jeans] walks away from [/EN#12/other a lamp post] .",
], [
    ([1], 672, 222, 701, 319),
    ([2], 674, 232, 701, 268),
    ([3], 691, 270, 703, 283),
    ([4], 700, 230, 728, 315),
    ([5], 704, 230, 718, 243),
    ([6], 700, 237, 724, 285),
    ([7], 386, 226, 413, 318),
    ([8], 386, 240, 412, 280),
    ([9], 383, 178, 403, 250),
    ([10], 471, 186, 510, 276),
    ([11], 472, 232, 510, 276),
    ([12], *STATIC["lamp post"]),
])

frame(375, [
    "[/EN#1/people A man] with [/EN#2/bodyparts short black hair] in [/EN#3/clothing a dark leather jacket] holds [/EN#4/other a piece of paper] while [/EN#5/people a balding man] in [/EN#6/clothing jeans] walks to the right .",
    "[/EN#7/people A man] in [/EN#8/clothing a dark jacket] walks past [/EN#9/other a traffic cone] as [/EN#10/people a person] dressed in black walks away .",
], [
    ([1], 531, 258, 574, 362),
    ([2], 545, 259, 556, 270),
    ([3], 532, 270, 569, 312),
    ([4], 566, 304, 574, 310),
    ([5], 620, 208, 661, 303),
    ([6], 620, 257, 662, 303),
    ([7], 307, 175, 334, 249),
    ([8], 309, 184, 331, 212),
    ([9], 292, 184, 304, 209),
    ([10], 512, 167, 534, 238),
])

frame(400, [
    "[/EN#1/people A man] in [/EN#2/clothing a black jacket] and [/EN#3/clothing black trousers] carries [/EN#4/other white papers] across [/EN#5/scene the pavement] .",
    "[/EN#6/people A young man] in [/EN#7/clothing a brown jacket] and [/EN#8/clothing jeans] walks past [/EN#9/other a yellow traffic cone] while [/EN#10/people a person] in black walks away .",
    "[/EN#1/people A man] with [/EN#11/bodyparts short dark hair] walks to the left .",
], [
    ([1], 686, 300, 744, 412),
    ([2], 700, 315, 731, 355),
    ([3], 687, 352, 744, 411),
    ([4], 726, 345, 744, 352),
    ([11], 712, 300, 726, 310),
    ([6], 274, 197, 301, 286),
    ([7], 274, 212, 301, 248),
    ([8], 282, 241, 298, 285),
    ([9], 292, 184, 304, 209),
    ([10], 590, 140, 616, 204),
], scene=[5])

frame(425, [
    "[/EN#1/people A woman] with [/EN#2/bodyparts long dark hair] in [/EN#3/clothing a red jacket] and [/EN#4/clothing jeans] carries [/EN#5/other a white paper] .",
    "[/EN#6/people A man] in [/EN#7/clothing a dark jacket] stands near [/EN#8/other a traffic cone] while [/EN#9/people a man] in [/EN#10/clothing a black sweater] walks toward him .",
], [
    ([1], 708, 278, 756, 381),
    ([2], 733, 279, 750, 301),
    ([3], 724, 294, 753, 329),
    ([4], 709, 326, 756, 381),
    ([5], 709, 311, 729, 316),
    ([6], 299, 205, 320, 291),
    ([7], 299, 211, 320, 249),
    ([8], 292, 184, 304, 209),
    ([9], 532, 150, 560, 216),
    ([10], 532, 157, 560, 189),
])

frame(450, [
    "[/EN#1/people A woman] with [/EN#2/bodyparts long dark hair] in [/EN#3/clothing a red jacket] walks away from [/EN#4/people a man] in [/EN#5/clothing a black sweater] .",
    "[/EN#6/people A man] in [/EN#7/clothing a dark jacket] and [/EN#8/clothing blue jeans] stands on the left , and [/EN#1/people a woman] in [/EN#9/clothing jeans] holds [/EN#10/other a white paper] .",
], [
    ([1], 558, 242, 594, 337),
    ([2], 571, 242, 587, 262),
    ([3], 564, 252, 592, 287),
    ([9], 559, 286, 594, 336),
    ([10], 564, 260, 571, 269),
    ([4], 486, 184, 513, 260),
    ([5], 486, 194, 513, 229),
    ([6], 310, 207, 336, 289),
    ([7], 311, 217, 334, 251),
    ([8], 314, 250, 336, 289),
])

frame(475, [
    "[/EN#1/people A balding man] in [/EN#2/clothing a dark jacket] and [/EN#3/clothing blue jeans] walks away from [/EN#4/people a man] in [/EN#5/clothing a black sweater] .",
    "[/EN#6/people A man] with [/EN#7/bodyparts brown hair] stands in front of [/EN#8/people a woman] in [/EN#10/clothing a red jacket] next to [/EN#9/other a sign] .",
], [
    ([1], 635, 284, 682, 407),
    ([2], 644, 295, 676, 350),
    ([3], 635, 349, 682, 406),
    ([4], 558, 235, 591, 324),
    ([5], 559, 246, 591, 281),
    ([6], 434, 230, 464, 321),
    ([7], 447, 230, 457, 240),
    ([8], 444, 209, 461, 252),
    ([10], 444, 219, 460, 249),
    ([9], *STATIC["sign"]),
])

frame(500, [
    "[/EN#1/people A tall balding man] in [/EN#2/clothing a black jacket] and [/EN#3/people a young man] in [/EN#4/clothing jeans] stand with [/EN#5/people a person] with [/EN#6/bodyparts dark hair] in [/EN#7/clothing a long black coat] .",
    "[/EN#8/people A woman] in [/EN#9/clothing a red jacket] holds [/EN#10/other a white paper] near [/EN#11/other a yellow cone] .",
], [
    ([1], 556, 240, 593, 348),
    ([2], 557, 250, 592, 298),
    ([3], 571, 282, 613, 394),
    ([4], 572, 337, 613, 389),
    ([5], 615, 275, 640, 374),
    ([6], 620, 275, 634, 292),
    ([7], 615, 289, 640, 336),
    ([8], 301, 188, 340, 265),
    ([9], 308, 200, 333, 225),
    ([10], 304, 205, 313, 215),
    ([11], 292, 184, 304, 209),
])

frame(525, [
    "[/EN#1/people A man] in [/EN#2/clothing a red and navy jacket] carries [/EN#3/other white papers] across [/EN#4/other the grass] beside [/EN#5/people a woman] with [/EN#6/bodyparts curly blond hair] .",
    "[/EN#7/people A woman] in [/EN#8/clothing a red jacket] and [/EN#9/clothing jeans] walks on the left while [/EN#10/people a man] in [/EN#11/clothing a black coat] walks in front of [/EN#12/people a man] in [/EN#13/clothing a dark jacket] .",
], [
    ([1], 426, 433, 477, 570),
    ([2], 428, 440, 473, 503),
    ([3], 413, 496, 442, 512),
    ([4], 0, 240, 767, 575),
    ([5], 438, 398, 483, 566),
    ([6], 440, 398, 466, 423),
    ([7], 208, 176, 233, 248),
    ([8], 208, 187, 232, 213),
    ([9], 212, 212, 232, 247),
    ([10], 632, 270, 662, 366),
    ([11], 632, 283, 660, 342),
    ([12], 640, 203, 672, 290),
    ([13], 640, 212, 672, 252),
])

frame(550, [
    "[/EN#1/people A man] in [/EN#2/clothing a red and navy jacket] walks across [/EN#3/other the grass] next to [/EN#4/people a woman] with [/EN#5/bodyparts blond hair] in [/EN#6/clothing a black coat] and [/EN#7/clothing jeans] .",
    "[/EN#8/people A man] in [/EN#9/clothing a long black coat] stands on [/EN#10/scene the pavement] while [/EN#11/people a woman] in [/EN#12/clothing a red jacket] walks in the distance .",
], [
    ([1], 170, 368, 225, 512),
    ([2], 170, 385, 225, 445),
    ([3], 0, 240, 767, 575),
    ([4], 236, 374, 288, 507),
    ([5], 245, 374, 270, 397),
    ([6], 236, 393, 288, 468),
    ([7], 247, 467, 283, 503),
    ([8], 642, 302, 669, 412),
    ([9], 642, 318, 669, 380),
    ([11], 125, 167, 155, 232),
    ([12], 128, 177, 143, 198),
], scene=[10])

frame(575, [
    "[/EN#1/people A woman] with [/EN#2/bodyparts blond hair] in [/EN#3/clothing a black coat] walks on [/EN#4/other the grass] behind [/EN#5/people a man] in [/EN#6/clothing a red and navy jacket] and [/EN#7/clothing white sneakers] .",
    "[/EN#8/people A man] in [/EN#9/clothing a black coat] raises [/EN#10/bodyparts his hand] while [/EN#11/people a man] in [/EN#12/clothing jeans] stands near the road .",
    "[/EN#13/people Six people] are spread across [/EN#14/scene a campus square] .",
], [
    ([1, 13], 162, 417, 223, 575),
    ([2], 167, 417, 195, 443),
    ([3], 162, 435, 223, 535),
    ([4], 0, 240, 767, 575),
    ([5, 13], 197, 342, 250, 475),
    ([6], 199, 362, 238, 422),
    ([7], 203, 467, 222, 475),
    ([7], 230, 459, 250, 469),
    ([8, 13], 627, 305, 670, 412),
    ([9], 630, 318, 670, 373),
    ([10], 627, 322, 637, 331),
    ([11, 13], 714, 238, 750, 336),
    ([12], 720, 290, 745, 335),
    ([13], 4, 177, 24, 242),
    ([13], 313, 147, 349, 220),
    ([13], 569, 167, 599, 243),
], scene=[14])

frame(600, [
    "[/EN#1/people A man] in [/EN#2/clothing a red and navy jacket] holds [/EN#3/other a sheet of paper] next to [/EN#4/other a tripod] .",
    "[/EN#5/people A woman] with [/EN#6/bodyparts blond hair] in [/EN#7/clothing a long black coat] and [/EN#8/clothing jeans] walks across [/EN#9/other the grass] as [/EN#10/people three men] are on [/EN#11/scene the pavement] .",
], [
    ([1], 457, 302, 505, 418),
    ([2], 457, 313, 487, 370),
    ([3], 483, 327, 497, 340),
    ([4], *STATIC["tripod"]),
    ([5], 285, 432, 331, 575),
    ([6], 290, 432, 318, 457),
    ([7], 285, 452, 331, 540),
    ([8], 291, 540, 328, 575),
    ([9], 0, 240, 767, 575),
    ([10], 642, 305, 669, 412),
    ([10], 569, 200, 596, 287),
    ([10], 670, 209, 711, 297),
], scene=[11])

frame(625, [
    "[/EN#1/people A woman] with [/EN#2/bodyparts curly blond hair] in [/EN#3/clothing a black coat] walks away across [/EN#4/other the grass] .",
    "[/EN#5/people A man] in [/EN#6/clothing a red and navy jacket] walks behind [/EN#7/people a person] dressed in black , while [/EN#8/people a woman] in [/EN#9/clothing a red jacket] passes [/EN#10/people a balding man] in the distance .",
], [
    ([1], 358, 407, 412, 557),
    ([2], 370, 407, 403, 430),
    ([3], 358, 428, 412, 512),
    ([4], 0, 240, 767, 575),
    ([5], 596, 247, 638, 340),
    ([6], 596, 257, 631, 300),
    ([7], 585, 292, 620, 389),
    ([8], 97, 174, 122, 241),
    ([9], 100, 184, 118, 204),
    ([10], 117, 140, 135, 207),
])

frame(650, [
    "[/EN#1/people A woman] with [/EN#2/bodyparts curly blond hair] in [/EN#3/clothing a black coat] walks past [/EN#4/other a yellow cloth] lying on [/EN#5/other the grass] .",
    "[/EN#6/people A man] dressed in black walks toward [/EN#7/people a man] in [/EN#8/clothing a red and navy jacket] who carries [/EN#9/other white papers] .",
    "[/EN#10/people Three people] walk past [/EN#11/other two traffic cones] .",
], [
    ([1], 333, 372, 382, 513),
    ([2], 342, 372, 368, 393),
    ([3], 333, 393, 382, 472),
    ([4], 325, 451, 352, 467),
    ([5], 0, 240, 767, 575),
    ([6], 469, 225, 500, 314),
    ([7], 639, 193, 670, 282),
    ([8], 640, 200, 669, 240),
    ([9], 637, 238, 652, 248),
    ([10], 141, 148, 165, 220),
    ([10], 222, 155, 240, 222),
    ([10], 316, 157, 348, 229),
    ([11], 165, 186, 178, 205),
    ([11], 292, 184, 304, 209),
])

frame(675, [
    "[/EN#1/people A man] in [/EN#2/clothing a blue jacket] and [/EN#3/clothing gray trousers] walks past [/EN#4/other a tripod] .",
    "[/EN#5/people A woman] with [/EN#6/bodyparts blond hair] in [/EN#7/clothing a long black coat] walks on [/EN#8/other the grass] while [/EN#9/people a woman] in [/EN#10/clothing a red jacket] and [/EN#11/people a man] in [/EN#12/clothing a red and navy jacket] walk on the far side .",
], [
    ([1], 497, 256, 552, 358),
    ([2], 512, 268, 542, 315),
    ([3], 498, 312, 552, 358),
    ([4], *STATIC["tripod"]),
    ([5], 196, 338, 242, 460),
    ([6], 197, 338, 220, 360),
    ([7], 198, 350, 242, 437),
    ([8], 0, 240, 767, 575),
    ([9], 352, 150, 383, 216),
    ([10], 352, 160, 377, 190),
    ([11], 553, 159, 575, 233),
    ([12], 553, 167, 575, 200),
])

frame(700, [
    "[/EN#1/people A man] in [/EN#2/clothing a blue hooded jacket] and [/EN#3/clothing gray pants] walks away from [/EN#4/people a balding man] in [/EN#5/clothing jeans] .",
    "[/EN#6/people A woman] with [/EN#7/bodyparts blond hair] in [/EN#8/clothing a black coat] crosses [/EN#9/other the lawn] , and [/EN#10/people a man] in [/EN#11/clothing black trousers] carries [/EN#12/other a white paper] on the right .",
], [
    ([1], 281, 210, 308, 295),
    ([2], 282, 218, 308, 257),
    ([3], 283, 255, 307, 292),
    ([4], 365, 172, 397, 255),
    ([5], 370, 213, 387, 255),
    ([6], 103, 287, 143, 394),
    ([7], 107, 288, 128, 305),
    ([8], 103, 300, 142, 358),
    ([9], 0, 240, 767, 575),
    ([10], 680, 218, 730, 307),
    ([11], 680, 270, 730, 307),
    ([12], 688, 270, 705, 276),
])

frame(725, [
    "[/EN#1/people A woman] with [/EN#2/bodyparts blond hair] in [/EN#3/clothing a black coat] walks on [/EN#4/other the grass] in front of [/EN#5/people a man] in [/EN#6/clothing a blue jacket] .",
    "[/EN#7/people A man] in [/EN#8/clothing a dark jacket] and [/EN#9/clothing jeans] walks past [/EN#10/people a man] dressed in black holding [/EN#11/other a white paper] , and [/EN#12/people a man] in [/EN#13/clothing a dark red jacket] walks toward the grass .",
], [
    ([1], 79, 240, 114, 329),
    ([2], 82, 240, 97, 252),
    ([3], 79, 250, 114, 302),
    ([4], 0, 240, 767, 575),
    ([5], 97, 179, 121, 250),
    ([6], 99, 184, 119, 219),
    ([7], 486, 205, 521, 300),
    ([8], 496, 217, 521, 258),
    ([9], 486, 252, 521, 300),
    ([10], 524, 192, 563, 283),
    ([11], 535, 243, 551, 249),
    ([12], 283, 173, 314, 268),
    ([13], 285, 184, 313, 227),
])


# A third caption about heads and hair for frames where the people are large enough; added
# after the first two captions of all 30 frames were written, before any model was run.
def extra(n, sent, boxes):
    spec = IMAGES["vtest_%04d" % n]
    spec["sents"].append(sent)
    spec["boxes"].extend(boxes)


extra(0, "[/EN#4/people A young man] lowers [/EN#13/bodyparts his head] as [/EN#7/people a man] with [/EN#14/bodyparts short black hair] walks away .",
      [([13], 509, 157, 519, 171), ([14], 262, 220, 274, 233)])
extra(25, "[/EN#1/people The man] has [/EN#12/bodyparts short black hair] .",
      [([12], 677, 260, 688, 272)])
extra(50, "[/EN#1/people A man] with [/EN#13/bodyparts black hair] walks behind [/EN#4/people a woman] .",
      [([13], 521, 217, 531, 229)])
extra(75, "[/EN#10/people A man] with [/EN#15/bodyparts dark hair] stands still , and [/EN#13/people a man] with [/EN#16/bodyparts short hair] walks away .",
      [([15], 271, 170, 280, 179), ([16], 587, 199, 596, 207)])
extra(150, "[/EN#1/people A man] turns [/EN#12/bodyparts his head] to the left .",
      [([12], 597, 228, 607, 240)])
extra(175, "[/EN#1/people A man] with [/EN#14/bodyparts short dark hair] smiles at [/EN#4/people another man] .",
      [([14], 480, 217, 490, 230)])
extra(250, "[/EN#4/people A man] with [/EN#12/bodyparts dark hair] walks on the left while [/EN#1/people a man] turns [/EN#13/bodyparts his head] .",
      [([12], 391, 231, 405, 247), ([13], 606, 254, 618, 266)])
extra(275, "[/EN#1/people A man] with [/EN#12/bodyparts short black hair] stands while [/EN#10/people a man] with [/EN#13/bodyparts dark hair] walks away .",
      [([12], 444, 230, 455, 243), ([13], 281, 189, 291, 201)])
extra(475, "[/EN#4/people A man] with [/EN#11/bodyparts dark hair] walks toward [/EN#1/people a man] with [/EN#12/bodyparts a balding head] .",
      [([11], 570, 235, 580, 248), ([12], 652, 284, 664, 295)])
extra(500, "[/EN#3/people A young man] turns [/EN#12/bodyparts his head] near [/EN#1/people a man] with [/EN#13/bodyparts a bald head] .",
      [([12], 589, 282, 601, 299), ([13], 577, 240, 588, 252)])
extra(525, "[/EN#10/people A man] with [/EN#14/bodyparts short dark hair] walks in front .",
      [([14], 645, 270, 657, 283)])
extra(550, "[/EN#1/people A man] with [/EN#13/bodyparts black hair] walks beside [/EN#4/people a woman] , and [/EN#8/people a man] with [/EN#14/bodyparts dark hair] stands still .",
      [([13], 187, 368, 205, 385), ([14], 647, 302, 660, 320)])
extra(575, "[/EN#5/people A man] with [/EN#15/bodyparts black hair] walks ahead of [/EN#1/people a woman] .",
      [([15], 207, 342, 225, 362)])
extra(600, "[/EN#1/people A man] with [/EN#12/bodyparts black hair] stands on the grass .",
      [([12], 465, 302, 480, 317)])
extra(675, "[/EN#1/people A man] turns [/EN#13/bodyparts his head] to the right .",
      [([13], 518, 257, 532, 270)])
