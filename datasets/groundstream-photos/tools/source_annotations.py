"""Hand-made source of the GroundStream photo benchmark annotations.

tools/build.py turns this into Sentences/<id>.txt, Annotations/<id>.xml and test.txt.

Conventions used here (the XML written by build.py follows Flickr30k Entities):
  * captions use the Flickr30k Entities bracket markup, chain ids are per image
    (1, 2, ...), id 0 is reserved for notvisual phrases (as in Flickr30k Entities);
  * boxes are (names, x1, y1, x2, y2) in 0-based pixel-edge coordinates, read off a
    50-px grid overlay; build.py writes them 1-based (all four + 1), which is what
    flickr30k_entities_utils undoes by subtracting 1;
  * "scene": chains with <scene>1</scene> and no box; "nobox": chains with
    <nobndbox>1</nobndbox> (mentioned, but nothing in the image can be boxed).
"""

IMAGES = {}

IMAGES["dog"] = dict(file="dog.jpg", sents=[
    "[/EN#1/animals A black and white dog] sits on [/EN#2/scene a porch] in front of [/EN#3/vehicles a red bicycle] .",
    "[/EN#1/animals A fluffy dog] with [/EN#4/bodyparts a bushy tail] sits beside [/EN#3/vehicles a road bike] while [/EN#5/vehicles a white pickup truck] is parked across [/EN#6/other the street] .",
    "[/EN#3/vehicles A bicycle] leans against [/EN#7/other a yellow railing] next to [/EN#1/animals a dog] .",
], boxes=[
    ([1], 132, 220, 310, 540),
    ([3], 125, 135, 568, 420),
    ([4], 148, 478, 278, 540),
    ([5], 465, 73, 715, 170),
    ([6], 60, 110, 740, 228),
    ([7], 0, 212, 767, 425),
], scene=[2])

IMAGES["eagle"] = dict(file="eagle.jpg", sents=[
    "[/EN#1/animals A young eagle] stands on [/EN#2/scene a dark pebbly shore] beside [/EN#3/other the water] .",
    "[/EN#1/animals A brown and white bird] with [/EN#4/bodyparts a hooked yellow beak] and [/EN#5/bodyparts yellow feet] .",
], boxes=[
    ([1], 130, 85, 600, 448),
    ([3], 0, 0, 772, 395),
    ([4], 545, 105, 600, 140),
    ([5], 355, 402, 448, 448),
    ([5], 438, 405, 502, 442),
], scene=[2])

IMAGES["giraffe"] = dict(file="giraffe.jpg", sents=[
    "[/EN#1/animals A giraffe] bends [/EN#2/bodyparts its long neck] toward [/EN#3/animals a zebra] in front of [/EN#4/other leafy green bushes] .",
    "[/EN#3/animals A zebra] raises [/EN#5/bodyparts its head] next to [/EN#1/animals a tall giraffe] standing on [/EN#6/other the grass] .",
], boxes=[
    ([1], 168, 30, 448, 442),
    ([2], 283, 30, 400, 140),
    ([3], 250, 205, 425, 428),
    ([5], 360, 205, 422, 290),
    ([4], 0, 0, 499, 400),
    ([6], 0, 395, 499, 499),
])

IMAGES["horses"] = dict(file="horses.jpg", sents=[
    "[/EN#1/animals Five horses] move across [/EN#2/scene a dry grassy field] .",
    "[/EN#3/animals A white horse] trots in front of [/EN#4/animals two brown horses] and [/EN#5/animals two gray horses] under [/EN#6/other a cloudy sky] .",
    "[/EN#1/animals Horses] walk past [/EN#7/other snow-capped mountains] .",
], boxes=[
    ([1, 3], 0, 195, 316, 410),
    ([1, 4], 0, 185, 152, 345),
    ([1, 4], 228, 196, 418, 363),
    ([1, 5], 288, 207, 455, 322),
    ([1, 5], 437, 211, 596, 346),
    ([6], 0, 0, 772, 200),
    ([7], 0, 148, 232, 208),
], scene=[2])

IMAGES["kite"] = dict(file="kite.jpg", sents=[
    "[/EN#1/people Two people] in [/EN#2/clothing hooded jackets] walk along [/EN#3/scene the beach] as [/EN#4/other kites] fly in [/EN#5/other the wind] .",
    "[/EN#6/other A large green kite] flies high above [/EN#7/other the choppy water] .",
    "[/EN#1/people Two beachgoers] walk at the edge of [/EN#7/other the waves] .",
], boxes=[
    ([1], 113, 610, 165, 758),
    ([1], 215, 697, 270, 848),
    ([2], 113, 610, 165, 700),
    ([2], 215, 697, 268, 782),
    ([4, 6], 590, 80, 668, 150),
    ([4], 278, 236, 303, 280),
    ([4], 300, 373, 325, 403),
    ([4], 466, 338, 484, 357),
    ([4], 574, 343, 598, 368),
    ([4], 1078, 393, 1094, 420),
    ([4], 758, 376, 766, 388),
    ([7], 100, 440, 1351, 899),
], scene=[3], nobox=[5])

IMAGES["person"] = dict(file="person.jpg", sents=[
    "[/EN#1/people A person] in [/EN#2/clothing a blue jacket] and [/EN#3/clothing a knit hat] stands between [/EN#4/animals a dog] and [/EN#5/animals a white horse] .",
    "[/EN#5/animals A white horse] grazes in [/EN#6/scene a dry field] while [/EN#1/people someone] in [/EN#7/clothing rubber boots] watches [/EN#4/animals a black dog] .",
], boxes=[
    ([1], 190, 100, 275, 375),
    ([2], 190, 120, 270, 248),
    ([3], 220, 100, 250, 132),
    ([4], 65, 263, 200, 343),
    ([5], 405, 138, 602, 346),
    ([7], 207, 322, 225, 372),
    ([7], 222, 325, 263, 374),
], scene=[6])

IMAGES["astronaut"] = dict(file="astronaut.png", sents=[
    "[/EN#1/people A smiling woman] in [/EN#2/clothing an orange spacesuit] holds [/EN#3/clothing a helmet] .",
    "[/EN#1/people An astronaut] with [/EN#4/bodyparts short brown hair] poses beside [/EN#5/other an American flag] and [/EN#6/vehicles a model space shuttle] .",
], boxes=[
    ([1], 22, 15, 365, 511),
    ([2], 22, 160, 365, 511),
    ([3], 278, 343, 498, 511),
    ([4], 150, 15, 302, 110),
    ([5], 0, 0, 98, 511),
    ([6], 352, 0, 472, 285),
])

IMAGES["camera"] = dict(file="camera.png", sents=[
    "[/EN#1/people A man] in [/EN#2/clothing a dark coat] looks through [/EN#3/instruments a camera] mounted on [/EN#4/other a tripod] .",
    "[/EN#1/people A photographer] with [/EN#5/bodyparts dark hair] stands on [/EN#6/scene a grassy lawn] near [/EN#7/other a tall white tower] .",
], boxes=[
    ([1], 0, 65, 332, 511),
    ([2], 0, 105, 310, 511),
    ([3], 258, 138, 326, 190),
    ([4], 228, 185, 405, 511),
    ([5], 160, 65, 270, 140),
    ([7], 410, 118, 442, 197),
], scene=[6])

IMAGES["chelsea"] = dict(file="chelsea.png", sents=[
    "[/EN#1/animals A tabby cat] stares with [/EN#2/bodyparts green eyes] .",
    "[/EN#1/animals A striped cat] with [/EN#3/bodyparts a pink nose] looks at [/EN#0/notvisual the camera] .",
], boxes=[
    ([1], 0, 0, 400, 299),
    ([2], 135, 85, 205, 148),
    ([2], 295, 110, 345, 163),
    ([3], 235, 220, 295, 260),
])

IMAGES["coffee"] = dict(file="coffee.png", sents=[
    "[/EN#1/other A cup] of [/EN#2/other espresso] sits on [/EN#3/other a red saucer] with [/EN#4/other a silver spoon] .",
    "[/EN#1/other A white and red cup] of [/EN#2/other coffee] rests on [/EN#5/other a wooden table] .",
], boxes=[
    ([1], 172, 18, 412, 300),
    ([2], 205, 95, 385, 195),
    ([3], 75, 85, 480, 390),
    ([4], 325, 65, 425, 325),
    ([5], 0, 0, 599, 399),
])

IMAGES["motorcycle_left"] = dict(file="motorcycle_left.png", sents=[
    "[/EN#1/vehicles A red motorcycle] is parked in [/EN#2/scene a cluttered garage] in front of [/EN#3/other metal shelves] .",
    "[/EN#1/vehicles A Yamaha motorbike] with [/EN#4/other a black seat] and [/EN#5/other two spoked wheels] stands near [/EN#6/other a wooden bench] .",
    "[/EN#7/vehicles A bicycle] is partly visible behind [/EN#1/vehicles the motorcycle] .",
], boxes=[
    ([1], 92, 95, 686, 452),
    ([3], 340, 0, 720, 295),
    ([4], 148, 158, 355, 220),
    ([5], 120, 240, 282, 400),
    ([5], 505, 290, 686, 452),
    ([6], 48, 108, 283, 305),
    ([7], 0, 140, 45, 230),
], scene=[2])

IMAGES["rocket"] = dict(file="rocket.jpg", sents=[
    "[/EN#1/vehicles A rocket] stands on [/EN#2/scene a launch pad] at [/EN#0/notvisual dusk] .",
    "[/EN#1/vehicles A white rocket] is surrounded by [/EN#3/other four lightning towers] under [/EN#4/other a deep blue sky] .",
], boxes=[
    ([1], 305, 125, 338, 410),
    ([3], 0, 0, 90, 405),
    ([3], 165, 120, 208, 410),
    ([3], 435, 122, 478, 426),
    ([3], 556, 0, 639, 425),
    ([4], 0, 0, 639, 370),
], scene=[2])

IMAGES["baboon"] = dict(file="baboon.jpg", sents=[
    "[/EN#1/animals A mandrill] with [/EN#2/bodyparts a bright red nose] and [/EN#3/bodyparts blue ridged cheeks] .",
    "[/EN#1/animals A colorful monkey] stares with [/EN#4/bodyparts orange eyes] .",
], boxes=[
    ([1], 0, 0, 511, 511),
    ([2], 155, 92, 333, 425),
    ([3], 120, 100, 225, 350),
    ([3], 275, 100, 385, 345),
    ([4], 150, 40, 205, 85),
    ([4], 310, 40, 360, 80),
])

IMAGES["basketball1"] = dict(file="basketball1.png", sents=[
    "[/EN#1/people A bearded man] holds [/EN#2/other a basketball] while [/EN#3/people another man] in [/EN#4/clothing a floral shirt] raises [/EN#10/bodyparts his hands] .",
    "[/EN#5/people Two men] toss [/EN#2/other a ball] to [/EN#0/notvisual each other] in [/EN#6/scene a hallway] .",
    "[/EN#1/people A smiling man] in [/EN#7/clothing a dark t-shirt] and [/EN#8/clothing jeans] stands near [/EN#9/other an open door] .",
], boxes=[
    ([1, 5], 35, 78, 158, 479),
    ([2], 120, 85, 195, 150),
    ([3, 5], 435, 20, 639, 479),
    ([4], 488, 120, 639, 479),
    ([10], 435, 200, 500, 268),
    ([7], 35, 140, 145, 290),
    ([8], 40, 280, 145, 470),
    ([9], 110, 35, 200, 395),
], scene=[6])

IMAGES["building"] = dict(file="building.jpg", sents=[
    "[/EN#1/other A large white building] stands behind [/EN#2/other a trimmed hedge] and [/EN#3/other a green lawn] .",
    "[/EN#4/other A concrete canopy] shelters [/EN#5/other the entrance] of [/EN#1/other a modern building] under [/EN#6/other a blue sky] .",
    "[/EN#7/vehicles A parked car] is half hidden behind [/EN#2/other the hedge] .",
], boxes=[
    ([1], 150, 0, 867, 540),
    ([2], 0, 470, 385, 535),
    ([3], 0, 525, 867, 599),
    ([4], 480, 310, 867, 410),
    ([5], 760, 410, 867, 530),
    ([6], 0, 0, 265, 355),
    ([7], 103, 499, 198, 524),
])

IMAGES["butterfly"] = dict(file="butterfly.jpg", sents=[
    "[/EN#1/animals A black and white butterfly] rests on [/EN#2/other a striped green leaf] .",
    "[/EN#1/animals A swallowtail butterfly] spreads [/EN#3/bodyparts its spotted wings] , showing [/EN#4/bodyparts two long antennae] .",
], boxes=[
    ([1], 5, 15, 475, 312),
    ([2], 40, 0, 492, 355),
    ([3], 5, 108, 240, 312),
    ([3], 245, 100, 475, 310),
    ([4], 155, 15, 300, 80),
])

IMAGES["chicky_512"] = dict(file="chicky_512.png", sents=[
    "[/EN#1/animals A small furry dog] sticks out [/EN#2/bodyparts its pink tongue] .",
    "[/EN#1/animals A brown dog] with [/EN#3/bodyparts shiny eyes] lies on [/EN#4/other a blue blanket] .",
], boxes=[
    ([1], 0, 20, 500, 511),
    ([2], 172, 215, 262, 322),
    ([3], 178, 102, 215, 140),
    ([3], 305, 130, 350, 172),
    ([4], 135, 0, 511, 400),
])

IMAGES["messi5"] = dict(file="messi5.jpg", sents=[
    "[/EN#1/people A soccer player] in [/EN#2/clothing a red and blue striped jersey] kicks [/EN#3/other a yellow ball] .",
    "[/EN#1/people A footballer] stretches out [/EN#4/bodyparts his arms] on [/EN#5/scene the pitch] in front of [/EN#6/people a crowd] .",
    "[/EN#1/people The player] wears [/EN#7/clothing red shorts] and [/EN#8/clothing soccer cleats] .",
], boxes=[
    ([1], 68, 60, 458, 335),
    ([2], 155, 105, 310, 248),
    ([3], 337, 290, 388, 335),
    ([4], 68, 85, 165, 135),
    ([4], 295, 135, 378, 178),
    ([6], 0, 0, 547, 262),
    ([7], 220, 212, 345, 280),
    ([8], 255, 310, 308, 336),
    ([8], 418, 253, 458, 291),
], scene=[5])

IMAGES["squirrel_cls"] = dict(file="squirrel_cls.jpg", sents=[
    "[/EN#1/animals A red squirrel] perches on [/EN#2/other a tree branch] .",
    "[/EN#1/animals A squirrel] with [/EN#3/bodyparts a bushy tail] eats something held in [/EN#4/bodyparts its paws] .",
], boxes=[
    ([1], 130, 105, 360, 360),
    ([2], 170, 150, 534, 425),
    ([3], 130, 105, 250, 350),
    ([4], 300, 215, 350, 250),
])

IMAGES["licenseplate_motion"] = dict(file="licenseplate_motion.jpg", sents=[
    "[/EN#1/vehicles A silver car] is seen from behind with [/EN#2/other glowing red taillights] .",
    "[/EN#3/other The license plate] of [/EN#1/vehicles a sedan] is blurred by [/EN#0/notvisual motion] .",
], boxes=[
    ([1], 0, 20, 599, 440),
    ([2], 0, 170, 140, 255),
    ([2], 450, 165, 585, 255),
    ([3], 225, 225, 358, 295),
])

IMAGES["leuvenA"] = dict(file="leuvenA.jpg", sents=[
    "[/EN#1/scene A cobblestone street] runs between [/EN#2/other old brick buildings] .",
    "[/EN#3/other A half-timbered house] stands at the end of [/EN#1/scene a narrow lane] under [/EN#4/other a gray sky] .",
    "[/EN#5/other A street lamp] hangs on [/EN#2/other a brick wall] .",
], boxes=[
    ([2], 0, 0, 225, 440),
    ([2, 3], 262, 163, 420, 395),
    ([2], 485, 60, 750, 410),
    ([4], 110, 0, 745, 270),
    ([5], 120, 238, 172, 282),
], scene=[1])

IMAGES["home"] = dict(file="home.jpg", sents=[
    "[/EN#1/other A yellow ornate building] rises against [/EN#2/other a blue sky] .",
    "[/EN#3/animals Birds] fly around [/EN#4/other the towers] of [/EN#1/other an old building] .",
], boxes=[
    ([1], 90, 12, 511, 383),
    ([2], 0, 0, 511, 383),
    ([3], 127, 60, 145, 74),
    ([3], 189, 50, 200, 59),
    ([3], 230, 102, 244, 114),
    ([3], 152, 136, 171, 148),
    ([3], 249, 129, 261, 139),
    ([3], 325, 82, 336, 90),
    ([3], 351, 40, 368, 53),
    ([3], 477, 15, 493, 31),
    ([3], 114, 182, 124, 190),
    ([3], 39, 199, 51, 207),
    ([3], 66, 220, 76, 228),
    ([3], 14, 318, 21, 324),
    ([3], 31, 354, 38, 358),
    ([3], 36, 361, 46, 369),
    ([3], 69, 369, 76, 374),
    ([3], 81, 376, 87, 383),
    ([4], 350, 10, 495, 200),
    ([4], 245, 130, 330, 215),
    ([4], 120, 235, 180, 300),
])

IMAGES["left06"] = dict(file="left06.jpg", sents=[
    "[/EN#1/people A man] in [/EN#2/clothing a striped shirt] sits next to [/EN#3/other a checkerboard] .",
    "[/EN#1/people A dark-haired man] works at [/EN#4/other a computer monitor] with [/EN#5/other a keyboard] in [/EN#6/scene an office] .",
], boxes=[
    ([1], 158, 38, 505, 479),
    ([2], 280, 235, 505, 479),
    ([3], 355, 90, 639, 450),
    ([4], 0, 140, 162, 445),
    ([5], 40, 360, 230, 479),
], scene=[6])

IMAGES["stuff"] = dict(file="stuff.jpg", sents=[
    "[/EN#1/instruments A black pencil] lies on [/EN#2/other a gray table] beside [/EN#3/other a pink lighter] and [/EN#4/other a coin] .",
    "[/EN#5/other A white round object] and [/EN#6/other a black cap] sit near [/EN#1/instruments a pencil] .",
], boxes=[
    ([1], 57, 90, 340, 253),
    ([2], 0, 0, 639, 479),
    ([3], 315, 313, 356, 460),
    ([4], 188, 287, 230, 328),
    ([5], 336, 125, 455, 245),
    ([6], 192, 18, 265, 100),
])

IMAGES["fruits"] = dict(file="fruits.jpg", sents=[
    "[/EN#1/other An orange wedge] sits between [/EN#2/other a halved kiwi] and [/EN#3/other a cut lemon] .",
    "[/EN#4/other A green lime] lies next to [/EN#5/other red cabbage] behind [/EN#3/other a lemon half] .",
], boxes=[
    ([1], 75, 45, 345, 475),
    ([2], 0, 275, 110, 465),
    ([3], 318, 248, 511, 479),
    ([4], 345, 120, 511, 300),
    ([5], 120, 0, 511, 140),
])

IMAGES["aloeL"] = dict(file="aloeL.jpg", sents=[
    "[/EN#1/other An aloe plant] grows in [/EN#2/other a terracotta pot] .",
    "[/EN#2/other A clay flower pot] holds [/EN#1/other a large spiky aloe] in front of [/EN#3/other a patterned cloth] .",
], boxes=[
    ([1], 0, 0, 1281, 1096),
    ([2], 711, 805, 1066, 1085),
    ([3], 0, 0, 1281, 1109),
])

IMAGES["left"] = dict(file="left.jpg", sents=[
    "[/EN#1/other Two books] stand upright on [/EN#2/other a marble floor] .",
    "[/EN#3/other A white programming book] stands beside [/EN#4/other a blue electronics textbook] in [/EN#5/scene a dimly lit room] .",
], boxes=[
    ([1, 3], 85, 138, 270, 380),
    ([1, 4], 262, 107, 402, 328),
    ([2], 0, 230, 611, 458),
], scene=[5])

IMAGES["rubberwhale1"] = dict(file="rubberwhale1.png", sents=[
    "[/EN#1/other A green toy whale] sits on [/EN#2/other a striped blue cloth] in front of [/EN#3/other a wooden lattice] .",
    "[/EN#4/other An orange foam letter] lies near [/EN#5/other two seashells] below [/EN#6/other an orange knitted cloth] .",
], boxes=[
    ([1], 218, 90, 318, 185),
    ([2], 0, 110, 395, 330),
    ([3], 0, 0, 345, 125),
    ([4], 150, 225, 300, 330),
    ([5], 62, 140, 152, 180),
    ([5], 275, 330, 390, 387),
    ([6], 355, 0, 583, 255),
])

IMAGES["aero1"] = dict(file="aero1.jpg", sents=[
    "[/EN#1/scene A city] spreads out beside [/EN#2/other the water] , with [/EN#3/other a dense forest] to the right and [/EN#6/other a small pond] at the bottom .",
    "[/EN#4/other Three striped smokestacks] stand beside [/EN#5/other a blue-roofed building] .",
], boxes=[
    ([2], 335, 0, 639, 185),
    ([3], 400, 285, 639, 420),
    ([4], 236, 296, 242, 336),
    ([4], 245, 300, 251, 338),
    ([4], 254, 300, 261, 341),
    ([5], 224, 318, 266, 338),
    ([6], 155, 415, 300, 479),
], scene=[1])
