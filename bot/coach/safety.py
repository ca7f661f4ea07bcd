"""Red-flag triage of free text, and the safety wording the bot uses.

`triage(text)` reads a message (bot/coach/understand.py: medspaCy ConText with our own rules) and
decides one level from the clinical table in bot/coach/signs.py: emergency (call the emergency
number now), urgent (see a doctor today), clinician (advice, gentle routines are fine), ask (a
yes/no question decides), or none. It also returns a pain score stated in the same message.
`screen(text)` is the older interface: the urgent and emergency signs only.
"""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from bot.coach import intents, pain, understand
from bot.coach.intents import Intent
from bot.coach.lexicon import FIGURATIVE_FEVER
from bot.coach.signs import (
    QUESTIONS,
    SIGNS,
    Category,
    Level,
    Question,
    Sign,
    emergency_number,
    question_for,
)
from bot.coach.understand import Mention

if TYPE_CHECKING:
    from bot.coach.semantic import Reader, Verdict

__all__ = ["Level", "Question", "Sign", "Triage", "emergency_number", "screen", "triage"]

GUIDELINE = "NICE NG59 and the NHS pages on back pain and cauda equina syndrome"
_SELF = {"i", "i'm", "im", "my", "me", "i've", "ive", "myself", "mine"}
_HEDGES = {"might", "maybe", "think", "probably", "possibly", "perhaps", "bit", "slight"}
_BILATERAL = ("legs", "feet", "both", "thighs", "calves", "shins", "ankles", "knees")


@dataclass(frozen=True)
class Triage:
    """What a message means for safety."""

    level: Level
    signs: tuple[Sign, ...]  # most serious first; empty for NONE
    question: Question | None  # set when level is ASK
    pain: int | None  # a 0-10 score stated in the message ("my pain is 8 and ..."), if any


_SITES = ("SADDLE", "LEG", "LEGS", "FOOT")
_STEADY = {
    "constant",
    "constantly",
    "all the time",
    "24/7",
    "non-stop",
    "nonstop",
    "day and night",
}
_LEG_WORDS = {"leg", "knee", "foot", "ankle", "calf", "thigh", "toes", "shin", "heel", "sole"}
# A fall from something high, said in one phrase ("came off the roof").
_HIGH = re.compile(
    r"\b(roof|ladder|scaffold\w*|balcony|loft|hayloft|cliff|tree|wall|horse|window|jump|kicker|"
    r"ramp|ledge|oak|beech|elm|sycamore|conifer|rig|rigging|truss|trapeze|gantry|"
    r"trap|trapdoor|hatch|pit)\b"
)
# A fall from one of these is a high-energy one ("skidded on gravel and went over the bars").
_MOTOR = re.compile(r"\b(motor ?bikes?|motorcycles?|dirt ?bikes?|quad ?bikes?|superbikes?)\b")
# ... thrown off it (not "tripped over a motorbike parked on the pavement", "my motorbike fell
# over", "slipped getting off the motorbike taxi")
_OFF_IT = re.compile(r"\b(?:off|from|over the (?:handle)?bars)\b")
_SADDLE_WORDS = {"perianal", "perineal", "saddle", "groin", "genital", "anal", "buttock"}
# "the feeling in my penis ... has gone" is one mention with the site inside it.
_SADDLE_IN = re.compile(
    r"\b(genital|penis|vagin|vulva|scrot|testic|anus|perine|perian|back passage|groin|saddle|"
    r"between (?:my )?legs|bum|bottom"
    # "like I'm sitting on a cushion that isn't there"
    r"|(?:sitting|sat|sit) on an? (?:\w+ )?(?:cushion|pillow|sponge|balloon))"
)
_SPEEDY = re.compile(r"\d|\bspeed\b")
_FRONT = ("chest", "breastbone", "sternum", "ribcage", "rib cage", "front of my ribs")
_SHARP = ("burning", "shooting", "radiat", "zing", "electric", "hot")  # "that hot wire feeling"


# The mishap inside a played-down one ("a little bump", "a minor fender bender").
_MISHAPS = {"bump", "knock", "prang", "scrape", "accident", "crash", "shunt", "collision", "tap",
            "bang", "fall", "tumble", "slip", "trip", "bender", "fender", "ding"}  # fmt: skip
_UNHURT = re.compile(
    r"\b(i'?m|i am|im|feel|feeling|was|all|totally|completely|perfectly) (totally |completely |"
    r"absolutely |perfectly )?(fine|ok|okay|unhurt|good|grand)\b|\bno harm done\b|\bnot hurt\b"
    r"|\b(?:didn'?t|did not) (?:even )?get (?:jolted|jarred|hurt)\b|\bcleared me\b"
    # "it didn't hurt my back at all, just my pride"
    r"|\b(?:didn'?t|did not|never) hurt (?:my back|me|myself)\b"
    # "landed on my knees, didn't touch my back at all"
    r"|\b(?:didn'?t|did not|never) (?:touch|hit|jar|land on) my back\b"
    # "caught myself with my hands, not a scratch", "caught the rail, didn't go down"
    r"|\b(?:not|without) a (?:scratch|mark|bruise)\b|\bunscathed\b"
    r"|\b(?:didn'?t|did not|never) (?:go down|fall|hit the (?:ground|floor|deck))\b"
    # "landed like a cat, zero pain", "bounced straight up, nothing hurts", "no back pain"
    r"|\b(?:zero|no) (?:back )?pain(?: anywhere| at all| whatsoever)?\b|\bnothing hurts\b"
    r"|\b(?:was|were)(?:n'?t| not) hurt\b"
    # "landed soft, no damage whatsoever"
    r"|\bno (?:damage|harm)(?: done| whatsoever| at all)?\b"
)
# "no pain anywhere", "No back pain at all": pain words that say there is none
_NO_PAIN = re.compile(
    r"\b(?:no|zero|not any|without any) (?:back )?(?:pain|hurt\w*|injur\w*)"
    r"(?: anywhere| at all| whatsoever)?\b|\bnothing (?:hurts|is hurt|'s hurt|is injured)\b"
)
# What comes after an all-clear and may take it back: "Back feels ok this morning but really
# hurts when I bend", "no back pain at first but now it really hurts", "nothing hurts but I
# can't move my legs". An all-clear counts only when nothing of this follows it.
_LATER = re.compile(
    r"\b(?:but|though|although|except|now|today|tonight|this (?:morning|evening|afternoon)|"
    r"later|since|at first|when i|until|yet)\b"
)
# The back itself said to hurt ("back pain is savage", "back's sore")
_BACK_HURTS = re.compile(
    r"\bback (?:pain|hurts|hurting|is (?:sore|agony|killing|painful|bad)|"
    r"'s (?:sore|agony|killing|bad|painful))\b"
)
_BACK_OK = re.compile(
    # "backs fine", "back's been fine for decades"
    r"\bbacks?('s| is| feels|'s been| has been| been)? (totally |completely |perfectly |"
    r"absolutely )?"
    r"(fine|ok|okay|good|great|grand|brilliant|perfect)\b"
    r"|\bback('s| is) (its |my |the )?usual( stiff| achy| old)?( self)?\b|\bstiff as usual\b"
    r"|\bback('s| is) (stiff|achy|tight) as (usual|ever|always)\b"
    # "back and everything else fine", "No back pain at all, just a bruised shoulder"
    r"|\bback (and (everything|all)( else)?|included)( is| are|'s)? (fine|ok|okay|good)\b"
    # "back's not hurt at all", "back feels normal", "not my back"
    r"|\bback('s| is| was)? (not|n't) (hurt|injured|sore)\b|\bback feels normal\b"
    r"|\bnot (my|the) back\b"
)
_NIGHTLY = re.compile(
    r"\b(at night|every (?:single )?night|nights|overnight|night time|nighttime|[1-5] ?am)\b"
)
_FAST_ROAD = re.compile(
    r"\b(motorway|highway|freeway|autobahn|interstate|dual carriageway)\b"
    r"|\bon the (?:m|a)\d{1,2}(?:\(m\))?\b"  # "rear-ended on the M1", "on the A1(M)"
)
_UNSURE = re.compile(r"\b(think|guess|probably|hope|hopefully|maybe|achy|aches?|sore|stiff)\b")


def _gap(a: Mention, b: Mention) -> int:
    """Tokens between two mentions (0 when they touch or overlap)."""
    return max(0, a.start - b.end, b.start - a.end)


def _saddle_sensation(sentence: list[Mention]) -> bool:
    """A loss of sensation whose nearest body site is the saddle (not a leg or foot)."""
    sites = [m for m in sentence if m.label in _SITES]
    for sense in (m for m in sentence if m.label in ("SENSORY", "ODD")):
        if set(sense.text.split()) & _SADDLE_WORDS or _SADDLE_IN.search(sense.text):
            return True  # "reduced perianal sensation"
        if sites:
            nearest = min(sites, key=lambda m: (_gap(m, sense), m.label != "SADDLE"))
            close = sense.label == "SENSORY" or _gap(nearest, sense) < 3
            if nearest.label == "SADDLE" and close:
                return True
    return False


_STILL_HAVE = re.compile(r"\bstill (?:got|have|running|with)\b")


def _said_of_self(mention: Mention, text: str) -> bool:
    """Whether the person says it of themselves, plainly: "I have a fever", "my temp is 38.5".

    A fever with no subject ("fever since monday"), or a hedged one ("I think I might have a
    temp"), gets a question instead.
    """
    text = understand.normalise(text).lower()  # the mention's words are the mended ones
    clause = re.split(r"[.!?;]", text[: max(0, text.find(mention.text))])[-1]
    words = set(re.findall(r"[a-z']+", clause))
    # "yes still got a temp": the "I" left out of an answer
    hedged = words & _HEDGES or "not sure" in clause or "unsure" in words  # "Not sure if I'm ..."
    return bool(words & _SELF or _STILL_HAVE.search(clause)) and not hedged


_STEROID = understand.STEROID
# "a bit sore" after a fall: a question decides, not a doctor today.
_HEDGED = re.compile(
    r"\b(?:a bit|bit|a little|little|slightly|a tad|tad|mildly|kinda|kind of|"
    r"somewhat|only)\s+(?:sore|achy|stiff|tender|bruised|painful|tight|hurt\w*)"
)
_UNHURT_BY = re.compile(
    r"\b(?:didn'?t|did not|doesn'?t|not|never|without)\s+(?:hurt\w*|injur\w*|damag\w*|touch|jar)"
    r"(?:\s+(?:my|me|the|anything))?(?:\s+back)?"
)
_PAIN_WORD = re.compile(
    r"\b(?:pain\w*|hurt\w*|sore|ache\w*|aching|agony|killing|throbbing|lbp|"
    r"injur\w*|excruciating|bruised|in bits|messed up|wrecked|been at me|playing up|"
    r"giving me (?:grief|gyp|jip)"
    # what the fall took away: "now I can hardly bend over", "struggling to walk", "limping"
    r"|(?:can'?t|cannot|can not|barely|hardly|struggl\w* to|unable to) (?:bend|walk|stand|sit|"
    r"straighten|get up|move|lie)|limp\w*)\b"
)


def _own(found: list[Mention]) -> list[Mention]:
    """The mentions about the person's own body now.

    A history of cancer or of thin bones counts; steroids that were stopped long ago do not.
    """
    return [
        m for m in found
        if not (m.negated or m.hypothetical or m.other_person)
        and (not m.historical or m.label == "CANCER"
             or (m.label == "BONE_RISK" and not m.text.startswith(_STEROID)))
    ]  # fmt: skip


# Hurts that are no injury to speak of: "mostly just grazes and a bruised ego".
_SCRAPES = re.compile(
    r"\b(?:bruised|dented|hurt|wounded) (?:ego|pride)\b|\b(?:just|only|mostly|a few|few|some|"
    r"couple of)(?: just)? (?:grazes|scrapes|scratches|bruises|cuts)\b"
    r"|\b(?:just|only) (?:my|a bit of) (?:pride|ego)\b"
    # "pain long gone", "the back stretches later": no hurt from the fall
    r"|\bpain(?:'s| is| has)? (?:long |all |completely )?gone\b"
    r"|\b(?:the|my|your|some|do) back (?:stretch\w*|exercises?|routine|session|programme|"
    r"program)\b"
)
# The back as a body part, not "ready to get back into it" or "back home".
_BACK = re.compile(
    r"\b(?:my|lower|upper|low|mid|middle|bad|sore|the|whole|his|her|achy|aching|painful) back\b"
    r"|\bbacks?(?: still| really| very| so| just| a bit| quite| pretty)?(?:'s| is| was"
    r"| has| been| hurts?| hurting| pain\w*| ache\w*| feels| went| gone| spasm\w*| injury"
    r"| problem\w*| twinge\w*| agony| killing| throbbing| stiff\w*| sore| screaming)\b"
    r"|\bback-?(?:ache|pain)"
)


def _said_last(pattern: re.Pattern[str], text: str) -> bool:
    """`pattern` is in `text` and nothing after it takes it back (`_LATER`)."""
    found = list(pattern.finditer(text))
    return bool(found) and not _LATER.search(text, found[-1].end())


def _hurt_after_fall(text: str) -> bool:
    """A fall that hurt: a pain word not softened ("a bit sore"), or the back named plainly.
    Pain named elsewhere does not count when the last word on the back is that it is fine."""
    painless = _NO_PAIN.sub(" ", text)  # "no pain anywhere, back feels great"
    if (_said_last(_BACK_OK, text) or _said_last(_NO_PAIN, text)) and not _BACK_HURTS.search(
        painless
    ):
        return False  # "wrists and pride hurt but my back is totally fine", "no back pain"
    text = painless
    text = _UNHURT_BY.sub(" ", text)  # "didn't hurt my back at all, it was my knee"
    text = _SCRAPES.sub(" ", text)
    text = _BACK_OK.sub(" ", text)  # "got straight back up, back's fine"
    hedged = bool(_HEDGED.search(text))
    rest = _HEDGED.sub(" ", text)
    return bool(_PAIN_WORD.search(rest)) or (bool(_BACK.search(text)) and not hedged)


# "is it ok to stretch with a fever?" is likely asked by someone who has one; "should you stretch
# if you have a fever, in theory?" or "if I ever get a fever" is asked about anyone.
_ANYONE = re.compile(
    r"\b(?:ever|some(?:one|body)|any(?:one|body)|people|you|u|theory|theoretically|"
    r"hypothetical\w*|in general|generally|typically|usually|kids?|child|children|son|daughter|"
    r"husband|wife|partner|mum|mom|dad)\b"
)
_OWN_ACTIVITY = re.compile(r"\b(?:stretch\w*|routine|exercis\w*|workout|session|yoga|train\w*)\b")
# "is 37.8 a fever? just took mine"
_OWN_TEMP = re.compile(r"\b(?:took mine|took my|my temp\w*|thermometer|3[7-9][.,]\d|4[01][.,]\d)")
_LATER_OR_OVER = re.compile(
    r"\b(?:get|gets|getting|catch|develop|come down|had|was|gone|over|ago|last|yesterday)\b"
)
_NO_FEVER = re.compile(r"\b(?:no|not|without|never|n't)\b[^.?!,]{0,12}\b(?:fever|temp\w*|chills)")
_ASKING = re.compile(
    r"\?|^\W*(?:is|are|am|can|could|should|shall|would|will|do|does|may|might|ok|okay|safe)\b"
)


def _fever_asked(found: list[Mention], text: str) -> bool:
    """A question about stretching with "a fever" whose subject is left open: the person may
    have one, so a yes/no question asks (an alarm would be too much, silence too little)."""
    fevers = [m for m in found if m.label == "FEVER"]
    return (
        bool(fevers)
        and all(m.hypothetical and not (m.negated or m.other_person or m.historical)
                for m in fevers)
        and bool(_ASKING.search(text) and (_OWN_ACTIVITY.search(text) or _OWN_TEMP.search(text)))
        and not (_ANYONE.search(text) or _LATER_OR_OVER.search(text) or _NO_FEVER.search(text))
    )  # fmt: skip


_HOUSEHOLD = re.compile(
    r"\b(?:in the (?:family|house|household|home)|going (?:round|around)|round the "
    r"(?:house|family|office|school)|(?:whole|entire) (?:house|family|household)|all of us"
    # "everyone at home has had a fever", "everyone at the dairy's had this fever bug"
    r"|(?:every(?:one|body)|half the \w+) (?:at|in|on) (?:the |my |our )?\w+"
    # "the family all had temps with hand foot and mouth, I might've had it too"
    r"|(?:the )?family (?:all|have all|has all|have|has) (?:had|got|been)|we(?:'ve| have)? all "
    r"(?:had|got|been)|all (?:my|the|our) family|(?:going|doing the) (?:round|around|rounds)"
    r"(?: in)? (?:my|the|our) (?:office|work|school|house))\b"
)


_FEVER_WORD = re.compile(r"(?:\b(\w+)\s+)?\b(?:fever\w*|temperatures?|temps|high temp|a temp)\b")


_MAYBE_OVER = re.compile(
    r"\b(?:seems?|think|maybe|might|probably|i guess|hope)"
    r"(?: it'?s| it has| it is| to have| to be)? (?:gone|over|better|broken|passed|settled)\b"
    r"|\bgone now\?"
    # "felt hot and shivery in the night, fine now I think"
    r"|\b(?:fine|better|ok|okay|gone|normal) now,? "
    r"(?:i think|i guess|probably|i hope|touch wood)\b"
)


# "Think I might have had a temperature in the night, woke up soaked"
_MAYBE_HAD = re.compile(
    r"\b(?:might|may|could) (?:have|of|'ve|be) (?:had |got |been running |getting |"
    r"coming down with )*(?:a bit of )?(?:a )?(?:high |slight )?(?:temp\w*|fever\w*)"
)


def _fever_maybe_over(found: list[Mention], text: str) -> bool:
    """ "fever last night, seems gone now?": whether it is over is left open."""
    if _MAYBE_HAD.search(text) and not _NO_FEVER.search(text):
        return True  # "might have had a temperature in the night": whether there was one
    if (
        _RECENT_DAY.search(text)
        and not _FEVER_GONE.search(text)
        and any(
            m.label == "FEVER"
            and m.historical
            and not (m.other_person or m.hypothetical or m.negated)
            for m in found
        )
    ):
        return True  # "The district nurse said I had a temperature on Monday."
    return bool(_MAYBE_OVER.search(text)) and any(
        m.label == "FEVER" and not (m.other_person or m.hypothetical) for m in found
    )


_FEVER_GONE = re.compile(
    r"\b(?:over it|(?<!not )(?<!n't )gone|broke|normal since|fine since|been fine|cleared|"
    r"(?<!bit )(?<!little )better now|just a cold)\b"
)
# Off a stepladder onto something hard, or unable to get up after it
_HARD_LANDING = re.compile(
    r"\blanded (?:flat |hard |right )?on my back\b|\b(?:patio|concrete|paving|flags|tiles|"
    r"stone|tarmac)\b|\bcan'?t get up\b"
)
_RECENT_DAY = re.compile(
    r"\b(?:on|last) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(?:on|over|at|last|during) (?:the )?weekend\b"
)


# "Husband's got a fever ... might be getting it myself", "I think I'm coming down with it too"
_CATCHING = re.compile(
    r"\b(?:coming|going) down with (?:it|something|the same|whatever)\b"
    r"|\b(?:getting|catching|caught|got) it (?:myself|too|as well)\b|\bmight be getting it\b"
    r"|\b(?:do i|i) (?:feel|felt) (?:a bit |a little |slightly )?(?:warm|hot|feverish)\b"
)
# "Changed the sheets twice this week and it wasn't the kids, it was me": a wet bed, told by
# its effect
_SHEETS = re.compile(r"\bchang\w* (?:the |my |our )?(?:sheets|bed|bedding)\b")
_WAS_ME = re.compile(
    r"\bit was me\b(?! who| that)|\b(?:it )?was(?:n'?t| not) the (?:kids?|dog|cat|baby|toddler|"
    r"child)\b"
)
# "Had my flu jab yesterday, felt a bit hot last night": maybe a fever, maybe the jab's warmth
# "Temperature's normal, 36.7, I checked", "normal temperature for days"
_TEMP_NORMAL = re.compile(
    r"\b(?:temperature|temp)(?:'s|’s| is| was| has been| been)? (?:normal|fine|ok|okay)\b"
    r"|\bnormal (?:temperature|temp)\b|\b3[56][.,]\d\b"
    # "My temperature was up on Tuesday, ... and it's been normal for three days now"
    # (not "my temp hit 39 and the nurse said it's normal with an infection")
    r"|\b(?:temperature|temp)\b[^.!?]{0,60}\b(?:it'?s|it has|it is) (?:been (?:back to )?normal|"
    r"back to normal|normal again)\b"
)
_JAB = re.compile(r"\b(?:jabs?|vaccines?|vaccinations?|vaccinated|boosters?|flu shot)\b")
_FELT_HOT = re.compile(
    r"\b(?:felt|feel|feeling|feels|bit|was|been) (?:a bit |a little |quite |kinda |kind of )?"
    r"(?:hot|shivery|feverish|hot and cold|clammy|warm)\b"
)
# A fever the person ties to a jab already had ("I had the fever after the vaccine for the
# travel"), not a fever beside one ("fever of 39 since Sunday, I had my jabs in March", "should
# I still have my booster tomorrow?") nor a high one ("39.5 and the shivers")
_AFTER_JAB = re.compile(
    r"\b(?:after|since|from|following|post)[- ](?:the |my |a |our |his |her )?(?:\w+ ){0,3}?"
    r"(?:jabs?|vaccines?|vaccinations?|boosters?|shots?)\b"
    # "I had a temperature yesterday, probably the booster jab"
    r"|\b(?:probably|maybe|must be|likely|because of) (?:the |my )?(?:\w+ )?(?:jabs?|vaccines?|"
    r"vaccinations?|boosters?)\b"
)
_HIGH_FEVER = re.compile(r"\b(?:3[89]|4[01])(?:[.,]\d)?\b|\brigou?rs\b|\bshivers\b|\bshaking\b")


def _fever_caught(found: list[Mention], text: str) -> bool:
    """Someone else's fever, and the person may be catching it: whether they have one is open."""
    return any(m.label == "FEVER" for m in found) and bool(_CATCHING.search(text))


_HOT_OUTSIDE = re.compile(r"\b(?:sun|sunny|weather|heat|heatwave|hot day|sauna|walk)\b")


def _fever_after_jab(text: str) -> bool:
    """Feeling hot after a jab: a question decides whether it is a fever (unless the person
    names the sun or the walk that warmed them)."""
    return (
        bool(_JAB.search(text) and (_FELT_HOT.search(text) or _FEVER_FORETOLD.search(text)))
        and not _NO_FEVER.search(text)
        and not _HOT_OUTSIDE.search(text)
    )


# "After the vaccine yesterday the nurse said maybe fever will come"
_FEVER_FORETOLD = re.compile(
    r"\b(?:fever|temperature|temp)\b[^.?!]{0,12}\b(?:will|may|might|could) (?:come|develop|start)"
)


def _fever_at_home(text: str) -> bool:
    """ "fever in the family all week": whether the person has it too is left open ("the whole
    house has world cup fever" is no fever)."""
    if not _HOUSEHOLD.search(text) or _NO_FEVER.search(text) or _SPARED.search(text):
        return False
    return any(m[1] not in FIGURATIVE_FEVER for m in _FEVER_WORD.finditer(text))


# A length of time that has passed ("from 8 weeks" and "since one month" in Indian English).
_FOR_THAT_LONG = (
    "for ", "been ", "over ", "past ", "last ", "nearly ", "almost ", "from ", "since ",
)  # fmt: skip


# An erection lost, said of the penis in another sentence
_LIMP = re.compile(r"\b(?:stand|standing|rise|rising|wake|waking|soft|limp|floppy)\b")
_MANHOOD = re.compile(
    r"\b(?:penis|erection\w*|man part|male part|manhood|willy|dick|cock|member|down there|"
    r"down below)\b"
)
# Leaking with a laugh or a cough, long known: not a new loss of control
_STRESS_LEAK = re.compile(
    r"\b(?:leak\w*|wet myself|dribbl\w*|little accidents?)\b[^.?!]{0,25}\b(?:when|if|as) "
    r"(?:i |you )?(?:laugh|cough|sneez|jump|run|lift|trampolin)\w*"
)
_LONG_HAD = re.compile(
    r"\b(?:since|after|from) (?:my|the|having) (?:\w+ )?(?:baby|babies|pregnancy|birth|kids|"
    r"children|menopause|twins|son|daughter)\b|\bfor (?:years|ages|decades)\b|\byears ago\b"
)
# "my husband was driving and I wasn't in the car": someone else's mishap
_NOT_THERE = re.compile(
    r"\bi (?:wasn'?t|was not) (?:in|on|there|involved|with (?:him|her|them))\b"
    # "Pile-up on the M62 this morning so I was stuck in traffic"
    r"|\b(?:stuck|caught|sat) in (?:the )?traffic\b|\bheld up by\b"
)
# "an accident in bed last night": the bladder's, when the person says it never happened before
_BED_ACCIDENT = re.compile(r"\baccidents? in (?:the |my )?(?:bed|sleep|the night)\b")
# Someone else's fever, and the person's own as well
_ME_TOO = re.compile(
    r"\bso (?:have|do|am) i\b|\bme (?:too|as well|included)\b|\b(?:i'?ve|i have|i'?m|i am) "
    r"(?:got |caught )?(?:one|it) (?:too|as well)\b"
    r"|\bnow i(?:'ve| have)? (?:got |caught )(?:it|one)\b|\bnow me\b"
)
# "my forehead feels warm": warm to the touch, not a fever taken
_BY_TOUCH = re.compile(r"\b(?:forehead|head)\b")
# "kids had temps all week, now me maybe"
_ME_TOO_MAYBE = re.compile(
    r"\bnow me,? (?:maybe|probably|possibly|perhaps|i think)\b"
    r"|\b(?:maybe|might be|probably|possibly|perhaps) me (?:too|as well)\b"
)
# "everyone at work has had a fever except me"
_SPARED = re.compile(r"\b(?:except|apart from|but|other than|bar|not) me\b")
# A lift or a bend, which with thin bones is a knock only if it hurt
_STRAINS = ("lift", "bent", "bend")


def _knock(m: Mention) -> bool:
    """A minor mishap that is a knock ("bumped", "jolted"), not a lift or a bend."""
    return m.label == "MINOR_TRAUMA" and not m.text.startswith(_STRAINS)


# Weakness named by what the ankle cannot do: "reduced plantarflexion", "can't go up on tiptoe".
_ANKLE_WORK = re.compile(r"flexion|tip-?toe|toes|heel")
_NEVER_BEFORE = re.compile(
    r"\bnever (?:happened|had (?:that|this|it|them))\b|\bfirst time (?:ever|in my life)\b"
)
# "I weighed myself properly today and it's exactly the same as last month": no loss after all
_WEIGHT_SAME = re.compile(
    r"\b(?:weighed myself|scales?)\b[^.!?]{0,60}\b(?:exactly|just|still) the same\b"
)
# "still there some days but definitely better than it was a fortnight ago, slowly improving"
_SLOWLY_BETTER = re.compile(
    r"\b(?:definitely|much|a lot|loads|slowly|gradually|steadily) (?:better|improving)\b"
    r"|\bbetter than (?:it was|last|a (?:week|fortnight|month))\b"
)
_GETTING_BETTER = re.compile(
    r"(?<!not )(?<!n't )(?<!nt )(?<!no )\b(?:improving|getting better|been improving|"
    r"better (?:every|each) (?:day|week))\b"
)
_ELSEWHERE = re.compile(
    r"\b(?:wrists?|hands?|knees?|elbows?|arms?|ankles?|shoulders?|hips?|head|pride|palms?)"
    r"(?: is| are|'s)? (?:a bit |bit |a little |quite )?(?:sore|achy|stiff|bruised|grazed)\b"
)
_PARKED = re.compile(r"(?:sitting|stuck|stayed|staying|sat|hovering|parked) (?:at|on|around) ")
_SINCE_START = re.compile(
    r"^(same|no|not)\b.*\b((week|wk|day) (1|one|2|two|1st)|i (started|began|start|joined))$"
)


# "nights 8, 8, 9": a night's scores, one of them 6 or more (not "working nights 6, 7, 8", a
# sleep log's hours)
_HIGH_SCORES = re.compile(r"\b(?:[6-9]|10)\b")
_NIGHT_WORK = re.compile(
    r"\b(?:working|worked|work|sleep|slept|shifts?|on)\W+(?:nights|overnight)\b"
)
_STOPPED_WORKING = re.compile(r"(?:stopped|not|n't|won't|wont) (?:working|responding)\b")
_NERVE_IN = re.compile(r"\b(?:weak\w*|numb\w*|tingl\w*|dead|buckl\w*|giving)\b")
# The second leg joining the first: "now my strong leg has gone weak as well", "the other
# foot is catching too"
_OTHER_LEG_TOO = re.compile(
    r"\b(?:other|strong|good|better|right|left) (?:leg|foot|one|side)\b[^.!?]{0,40}?"
    r"\b(?:too|as well|also)\b"
)


# A log of one side's count of a strength exercise: "Calf raises: L 20 → 15 → 8"
_COUNTS = re.compile(
    r"(?P<before>\b(?:l|r|left|right)\b[^.!?\d]{0,12})?"
    r"\b(?:calf|heel|toe|step[- ]ups?|hops?|squats?|sit[- ]to[- ]stands?)\b[^.!?\d]{0,30}?"
    r"(?P<after>\b(?:l|r|left|right)\b\W{0,3})?(\d{1,3})\s*(?:→|->|>|,|/|then|to)\s*(\d{1,3})"
    r"(?:\s*(?:→|->|>|,|/|then|to)\s*(\d{1,3}))?"
)


# ... but not "L 12 → 7 → 3 wobbles, getting steadier", "R 15 → 9 → 4 minutes of aching", nor
# "Husband's tracker, not me"
_NOT_A_COUNT = re.compile(r"^\s*(?:minutes|mins|seconds|secs|wobbles|errors|of|hours|hrs|°)")
_STEADIER = re.compile(
    r"\b(?:better|steadier|improv\w*|easier|stronger|progress\w*)\b|\bnot (?:me|mine)\b"
)


def _fading(text: str) -> bool:
    """One leg's count falling, each time, to 60 % or less of where it was (`text` lowercased,
    as `_signs` has it)."""
    if _STEADIER.search(text):
        return False
    for match in _COUNTS.finditer(text):
        if not (match["before"] or match["after"]):
            continue  # one side named, its count falling
        counts = [int(n) for n in match.groups()[2:] if n]
        if (
            all(a > b for a, b in itertools.pairwise(counts))
            and counts[-1] <= 0.6 * counts[0]
            and not _NOT_A_COUNT.match(text[match.end() :])
        ):
            return True
    return False


def _signs(found: list[Mention], text: str, score: int | None) -> set[Category]:
    own = _own(found)
    labels = {m.label for m in own}
    sentences: dict[int, list[Mention]] = {}
    for m in own:
        sentences.setdefault(m.sentence, []).append(m)
    hurt = (
        bool(labels & {"HURT", "PAIN", "SCIATICA", "CHEST_PAIN"})
        # "fever?? maybe. back's ok"; "no back pain at all" names the back but no hurt
        or (bool(_BACK.search(_NO_PAIN.sub(" ", text))) and not _BACK_OK.search(text))
        or bool(score)  # "still a 5/10"
    )
    out: set[Category] = set()
    for sentence in sentences.values():
        here = {m.label for m in sentence}
        if any(m.label == "WEAK" and _ANKLE_WORK.search(m.text) for m in sentence):
            here.add("LEG")  # "reduced plantarflexion power" names the ankle inside the sign
        if "FOOT" in here or any(
            m.label == "RADIATE" and m.text.split()[-1] in _LEG_WORDS for m in sentence
        ):
            here.add("LEG")
        if any(m.label == "LEGS" and m.text.startswith("neither") for m in sentence):
            here.add("WEAK")  # "neither leg has any push in it" (lexicon keeps only those)
        if any(m.label in ("SENSORY", "WEAK", "SCIATICA") and any(w in m.text for w in _BILATERAL)
               for m in sentence):  # fmt: skip
            here.add("LEGS")
        if any(
            m.label == "FOOTDROP" and re.search(r"\b(either|both)\b", m.text) for m in sentence
        ):
            here |= {"LEGS", "WEAK"}  # "can't lift either leg"
        if any(m.label == "NIGHT" and (any(w in m.text for w in ("pain", "hurt", "agony", "worse"))
                                       or (_HIGH_SCORES.search(m.text)
                                           and not _NIGHT_WORK.search(text)))
               for m in sentence):  # fmt: skip
            here.add("PAIN")  # ... or a log's "nights 8, 8, 9"
        if any(
            m.label == "DYSFUNCTION"
            and _STOPPED_WORKING.match(m.text)
            and any(n.label == "LEGS" and 0 <= m.start - n.end <= 2 for n in sentence)
            for m in sentence
        ):
            here.add("WEAK")  # "my legs have stopped working" (not "my leg massager stopped")
        painful = bool(here & {"PAIN", "HURT", "SCIATICA"})
        sharp = any(m.label == "RADIATE" and m.text.startswith(_SHARP) for m in sentence)
        nerve = bool(here & {"SENSORY", "WEAK", "SCIATICA"}) or sharp  # "now the left burns too"
        if any(m.label == "LEGS" and _NERVE_IN.search(m.text) for m in sentence):
            nerve = True  # "the other leg's going weak too": the sign inside the mention
        if "DROP" in here and any(
            m.label == "LEGS" and re.match(r"both (my )?(feet|legs)", m.text) for m in sentence
        ):
            nerve = True  # "both feet flop when I walk", "both legs ... I keep tripping"
        if _saddle_sensation(sentence):
            out.add(Category.SADDLE_NUMBNESS)
        if here & {"SENSORY", "DYSFUNCTION"} and "SEX_CTX" in here:
            out.add(Category.SEXUAL)
        # "my leg went dead sitting on the toilet": the leg's numbness, not the bladder's
        sensing = "SENSORY" in here and not here & {"LEG", "LEGS", "FOOT"}
        if (
            sensing or here & {"CONTROL_LOSS", "DYSFUNCTION", "ACCIDENT"}
        ) and "ELIMINATION" in here:
            out.add(Category.BLADDER_BOWEL)
        if any(m.label == "DYSFUNCTION" and m.text.startswith("leak") for m in sentence) and (
            _NEVER_BEFORE.search(text)
        ):
            out.add(Category.BLADDER_BOWEL)  # "a few leaks this week, which has NEVER happened"
        if (nerve or here & {"DROP", "FOOTDROP"}) and _OTHER_LEG_TOO.search(text):
            # "weak left leg from the polio, now the other leg's going too", "my right foot has
            # always dragged, but this week the left one is catching as well"
            here.add("LEGS")
            nerve = True
        if nerve and "LEGS" in here:
            out.add(Category.BILATERAL_LEGS)
        elif "WEAK" in here and "LEG" in here:
            out.add(Category.WEAKNESS)
        elif "SENSORY" in here and "LEG" in here:
            out.add(Category.SCIATICA)
        if "DROP" in here and here & {"FOOT", "LEG"}:
            out.add(Category.WEAKNESS)
        fell = any(
            (m.label == "FALL" or _knock(m)) and not m.text.startswith("lost") for m in sentence
        )  # losing one's footing on a ladder is not a fall from it, nor lifting a tree one
        if any(m.label == "FALL" and _HIGH.search(m.text) for m in sentence):
            here.add("HEIGHT")
        fast = any(m.label == "IMPACT" and _SPEEDY.search(m.text) for m in sentence) or (
            any(m.label == "FALL" and _OFF_IT.search(m.text) for m in sentence)
            and any(m.label == "VEHICLE" and _MOTOR.search(m.text) for m in sentence)
        )
        if (
            ("VEHICLE" in here and "IMPACT" in here)
            or (fell and ("HEIGHT" in here or fast))  # "over the handlebars at 40km/h"
            or ("SPEED" in here and here & {"ACCIDENT", "IMPACT", "VEHICLE", "FALL", "HEIGHT"})
            or (here & {"ACCIDENT", "IMPACT"} and bool(_FAST_ROAD.search(text)))
            or ("IMPACT" in here and "ACCIDENT" in here)  # "a head-on crash"
        ):
            out.add(Category.SEVERE_TRAUMA)  # ... or "hit a tree going fast"
        pressed = "PRESSURE" in here and any(  # "heavy feeling on my chest", not the shoulders
            m.label == "CHEST" and m.text in _FRONT for m in sentence
        )
        if "CHEST" in here and (painful or pressed):
            out.add(Category.CHEST_PAIN)
        if "LEG" in here and "RADIATE" in here and (painful or sharp or "SENSORY" in here):
            out.add(Category.SCIATICA)
        steady = all(m.text in _STEADY for m in sentence if m.label == "NIGHT")
        mild = "mild" in text or (score is not None and score <= 3)
        side_leg = any(m.label == "ONE_SIDE" and set(m.text.split()) & _LEG_WORDS
                       for m in sentence)  # fmt: skip
        if "ONE_SIDE" in here and (side_leg or here & {"LEG", "RADIATE", "SCIATICA"}):
            out.add(Category.SCIATICA)  # "only that one leg", "runs from my waist go my right leg"
        restless = "RESTLESS" in here or (score is not None and score >= 5)  # "9/10 at night"
        if "RESTLESS" in here and _NIGHTLY.search(text):
            here.add("NIGHT")  # "at night ... I end up in the armchair"
        # "never switches off ... nothing takes the edge off": two ways of saying it never eases
        relentless = len({m.text for m in sentence if m.label == "NIGHT"}) >= 2
        if "NIGHT" in here and (
            painful
            or restless
            or relentless
            # "a temperature in the night ... Back's the usual": the night was the fever's
            or ("back" in text and not steady and not _BACK_OK.search(text))
        ):
            # "constant but mild, like a 2": a GP can look at it; it is not a night-pain flag.
            out.add(Category.NOT_IMPROVING if steady and mild else Category.NIGHT_PAIN)
    # "I mean the penis, sorry. It does not stand and has no feeling."
    limp = any(m.label == "DYSFUNCTION" and _LIMP.search(m.text) for m in own)
    if limp and _MANHOOD.search(text):
        out.add(Category.SEXUAL)
    if _SHEETS.search(text) and _WAS_ME.search(text):
        out.add(Category.BLADDER_BOWEL)  # the bed was wet, and by the person
    if (
        _BED_ACCIDENT.search(text)
        and _NEVER_BEFORE.search(text)
        and any(m.label == "ACCIDENT" and m.text.startswith("accident") for m in own)
    ):
        out.add(Category.BLADDER_BOWEL)  # "an accident in bed last night, I'm 34, never happened"
    simple = {
        "BLADDER": Category.BLADDER_BOWEL, "SEXUAL": Category.SEXUAL,
        "SEVERE_TRAUMA": Category.SEVERE_TRAUMA, "FOOTDROP": Category.WEAKNESS,
        "CANCER": Category.CANCER, "CHEST_PAIN": Category.CHEST_PAIN,
        "SCIATICA": Category.SCIATICA,
    }  # fmt: skip
    out |= {category for label, category in simple.items() if label in labels}
    # "Fibro, so pain during sex isn't new. What's new is there's no feeling at all now": the
    # loss told in the sentence after the one about sex, naming no other place
    for k, sentence in sentences.items():
        if (
            {m.label for m in sentence} & {"SENSORY", "DYSFUNCTION"}
            and not any(m.label in (*_SITES, "CHEST") for m in found if m.sentence == k)
            and any(m.label == "SEX_CTX" and m.sentence == k - 1 and not m.other_person
                    for m in found)
        ):  # fmt: skip
            out.add(Category.SEXUAL)
    if "NUMB_SPREAD" in labels and any(m.label == "SENSORY" and not m.negated for m in found):
        out.add(Category.SADDLE_NUMBNESS)  # "numbness ... since Tuesday it's crept into my groin"
    back_ok_last = _said_last(_BACK_OK, text)  # the last word on the back: it is fine
    all_clear_last = back_ok_last or _said_last(_UNHURT, text)
    if (
        Category.SEVERE_TRAUMA in out
        and "MINOR" not in labels  # "jumped the last step off the ladder": read below
        and all_clear_last
        and not (_UNSURE.search(text) or _hurt_after_fall(text))
    ):
        # "came off my horse, bounced straight up, nothing hurts, back's fine": the back pain
        # the sign needs is denied, but a hard landing is still worth one question, never silence
        out.discard(Category.SEVERE_TRAUMA)
        out.add(Category.POSSIBLE_FALL)
    if (
        Category.CHEST_PAIN in out
        and understand.CHEST_CLEARED.search(text)
        and not understand.CHEST_NOW.search(text)
    ):
        out.discard(Category.CHEST_PAIN)  # "went to A&E with chest pain, ECG normal, fine now"
    if Category.CHEST_PAIN in out and understand.CHEST_DAY.search(text):
        out.discard(Category.CHEST_PAIN)  # "chest is sore from chest day at the gym"
    if understand.CHECKED_CLEAR.search(text) or understand.BENIGN.search(text):
        out.discard(Category.CANCER)  # a past cancer, and the back since examined and cleared
    if not hurt and _said_last(_NO_PAIN, text):
        out.discard(Category.CANCER)  # "My cancer was 25 years ago ... no back pain at all"
    if Category.BLADDER_BOWEL in out and _STRESS_LEAK.search(text) and _LONG_HAD.search(text):
        out.discard(Category.BLADDER_BOWEL)  # "leaking when I laugh ... since my second baby"
    if "VEHICLE" in labels and any(_knock(m) for m in own):
        labels.add("ACCIDENT")  # "got bumped in a car park" (not "lifting the tree into the car")
    if any(m.label == "MINOR" and m.text.split()[-1] in _MISHAPS for m in own):
        labels.add("ACCIDENT")  # "a little bump", "a small accident"
    if Category.SEVERE_TRAUMA in out and "MINOR" in labels:
        out.discard(Category.SEVERE_TRAUMA)  # "only slow", "a little bump": not a serious crash
        labels.add("ACCIDENT")
    # "osteoporosis here, lifting lambs all spring": a lift or a bend is a knock only if it hurt
    knocked = bool(labels & {"FALL", "ACCIDENT"}) or any(
        _knock(m) or (hurt and m.label == "MINOR_TRAUMA") for m in own
    )
    if "BONE_RISK" in labels and knocked:
        out.add(Category.FRAGILITY_TRAUMA)
    elif labels & {"FALL", "ACCIDENT"} or any(
        m.label == "MINOR_TRAUMA" and m.text.startswith("missed") for m in own
    ):  # ... or "missed the last stair"
        hurt_fall = _hurt_after_fall(text) or bool(labels & {"SCIATICA", "CHEST_PAIN"})
        if (
            hurt_fall
            and any(m.label == "FALL" and "ladder" in m.text for m in own)
            and _HARD_LANDING.search(text)
        ):
            out.add(Category.SEVERE_TRAUMA)  # off a stepladder onto the patio, and it hurt
        elif hurt_fall:
            out.add(Category.TRAUMA)
        # "a tiny bump, I'm totally fine", "got straight back up, back's fine"
        elif not all_clear_last or (
            # "back's not hurt at all, wrist a bit sore": the soreness is named elsewhere
            _UNSURE.search(text) and not (back_ok_last and _ELSEWHERE.search(text))
        ):
            out.add(Category.POSSIBLE_FALL)
    elif "BONE_RISK" in labels:
        out.add(Category.BONE_RISK)
    # "the kids have had a fever and so have I", "kiddo has a temperature, I've one too"
    me_too = "FEVER" not in labels and bool(_ME_TOO.search(text))
    theirs = [m for m in found if m.label == "FEVER" and m.other_person] if me_too else []
    if theirs:
        labels.add("FEVER")
        own = [*own, *theirs]
    if "FEVER" in labels:
        fever = next(m for m in own if m.label == "FEVER")
        own_fever = (me_too and not _ME_TOO_MAYBE.search(text)) or (
            _said_of_self(fever, text)
            and not _BY_TOUCH.search(fever.text)
            and not (
                _AFTER_JAB.search(text) and not _HIGH_FEVER.search(text)  # a jab's: asked
            )
        )
        # "The fever is going around in my office ... I have back pain from the chair": whose
        # fever is left open
        caught = own_fever or (hurt and not _HOUSEHOLD.search(text))
        out.add(Category.FEVER if caught else Category.POSSIBLE_FEVER)
    elif "UNWELL" in labels and hurt:
        # "• flu jab Tues • felt shivery Weds": a jab's aftermath, asked about
        unwell = next(m for m in own if m.label == "UNWELL")
        jab = _JAB.search(text)
        after_jab = jab is not None and jab.start() < text.find(unwell.text)
        out.add(Category.POSSIBLE_FEVER if after_jab else Category.FEVER)
    elif not _TEMP_NORMAL.search(text) and (
        _fever_asked(found, text)
        or _fever_at_home(text)
        or _fever_maybe_over(found, text)
        or _fever_caught(found, text)
        or _fever_after_jab(text)
    ):
        out.add(Category.POSSIBLE_FEVER)
    changed_nothing = any(m.label == "NOCHANGE" and "chang" in m.text for m in own)
    # "Back is sitting at 3/10": a low score that stays where it is, no weeks of it said
    parked_low = (
        score is not None
        and score <= 3
        and all(_PARKED.match(m.text) for m in own if m.label == "NOCHANGE")
    )
    # "same as week 1", "no better than when I started": unchanged over the programme's weeks
    since_start = any(m.label == "NOCHANGE" and _SINCE_START.search(m.text) for m in own)
    if (
        "WEIGHT" in labels
        and ("UNEXPLAINED" in labels or changed_nothing)
        and not _WEIGHT_SAME.search(text)
    ):
        out.add(Category.WEIGHT_LOSS)
    # "improving steadily over 3 weeks, from a 6 down to a 2": weeks of it, getting better
    better = bool(_GETTING_BETTER.search(text))
    lasting = not better and any(
        m.label == "DURATION"
        and (
            m.text.startswith(_FOR_THAT_LONG) or m.text.endswith((" now", " later", " and", " on"))
        )
        for m in own
    )
    if any(m.label == "NOT_IMPROVING" and "pain" in m.text for m in own):
        out.add(Category.NOT_IMPROVING)  # "still in pain every day"
    if (
        since_start
        or (
            "NOCHANGE" in labels
            and ((hurt and not parked_low) or labels & {"DURATION", "NOT_IMPROVING"})
            # ("still there some days but definitely better than a fortnight ago, slowly
            # improving")
            and not _SLOWLY_BETTER.search(text)
        )
        or (
            (lasting and labels & {"PAIN", "HURT"})
            or ("NOT_IMPROVING" in labels and (hurt or "DURATION" in labels))
        )
    ):
        out.add(Category.NOT_IMPROVING)
    if _fading(text):
        out.add(Category.WEAKNESS)  # "Calf raises: L 20 → 15 → 8 over 2 weeks, R steady at 20"
    # "my husband was driving and I wasn't in the car", "someone reversed into my parked car"
    if _NOT_THERE.search(text) or understand.PARKED.search(text):
        out -= {Category.TRAUMA, Category.POSSIBLE_FALL, Category.SEVERE_TRAUMA}
    return out


def _pain(text: str) -> int | None:
    try:
        return pain.find_score(text)
    except pain.PainParseError:
        return None


class DefaultReader:
    """The process's semantic reader, whichever it is (`semantic.reader()`)."""

    def __repr__(self) -> str:
        return "DEFAULT"


DEFAULT = DefaultReader()


def triage(text: str, reader: Reader | DefaultReader | None = DEFAULT) -> Triage:
    """Read `text` and decide the safety level (loads the language pipeline on first use).

    The rules decide first; the semantic layer (bot/coach/semantic.py) may then raise the level
    when they found less than an alarm. `reader=None` runs the rules alone.
    """
    return triage_many([text], reader)[0]


def triage_many(
    texts: Sequence[str], reader: Reader | DefaultReader | None = DEFAULT
) -> list[Triage]:
    """`triage` of each text; the semantic layer reads those it must read in one batch."""
    out: list[Triage] = []
    pending: list[tuple[int, understand.Reading, Triage, str]] = []
    for text in texts:
        quick = quick_triage(text)
        if quick is not None:
            out.append(quick)
            continue
        reading = understand.read(text)
        rules = _by_rules(reading.mentions, text)
        out.append(rules)
        if not (rules.level.stops_stretching or plain_chat(text)):
            # an alarm needs nothing added, nor does "done" (the model's time is saved)
            pending.append((len(out) - 1, reading, rules, text))
    if not pending:
        return out
    chosen = reader
    if isinstance(chosen, DefaultReader):
        from bot.coach import semantic

        chosen = semantic.reader()
    if chosen is not None:
        verdicts = chosen.judge_many([(reading.clauses, text) for _, reading, _, text in pending])
        for (i, reading, rules, text), verdict in zip(pending, verdicts, strict=True):
            out[i] = combine(rules, _played_down(verdict, reading, text, rules))
    return out


def quick_triage(text: str) -> Triage | None:
    """What `triage` says of plain chat in which no word is one any rule needs ("hello", "done
    for today"), without running the pipeline; None when the pipeline must read `text` (or is
    not loaded yet). Cheap enough for the event loop: most of what people write is such chat."""
    if not understand.loaded() or not plain_chat(text) or understand.could_mention(text):
        return None
    return _by_rules([], text)


_TABLE_ORDER = {category: i for i, category in enumerate(SIGNS)}


def _by_rules(mentions: list[Mention], text: str) -> Triage:
    """The rules' triage of `text` from its mentions."""
    score = _pain(text)
    # most serious first; among equals, in the table's order (a set's order changes per process)
    signs = sorted(
        (SIGNS[c] for c in _signs(mentions, text.lower(), score)),
        key=lambda s: (-s.level.rank, _TABLE_ORDER[s.category]),
    )
    level = signs[0].level if signs else Level.NONE
    question = QUESTIONS.get(signs[0].category) if level is Level.ASK else None
    return Triage(level, tuple(s for s in signs if s.level is level), question, score)


# Any word of harm at all ("bit sore now", "twinging"): then the semantic layer may still judge.
_HARM_WORDS = re.compile(
    r"\b(?:sore|hurt\w*|pain\w*|ache?s?|aching|agony|twing\w*|bruis\w*|limp\w*|tailbone|"
    r"coccyx|hip|spine|(?:can'?t|cannot|barely|hardly|struggl\w* to|unable to) (?:sit|stand|"
    r"walk|bend|get up|get out|straighten|move|lie))"
    r"|\bback\b[^.!?]{0,12}?\b\d{1,2}\b"  # "back now 6"
)
# The mishaps the rules weigh for hurt or unhurt. A serious one is among them because the rules
# turn it into a question when the person's last word is that nothing hurts ("came off my horse,
# nothing hurts, back's fine"); the semantic layer must not raise it back to an alarm.
_MISHAP_READ = frozenset({"FALL", "MINOR_TRAUMA", "ACCIDENT", "SEVERE_TRAUMA"})


def _played_down(
    verdict: Verdict | None, reading: understand.Reading, text: str, rules: Triage
) -> Verdict | None:
    """A crash the person plays down ("only slow", "grazed my knee", "nothing major") is not a
    serious one, and unless it hurt, a question decides; so does a fall the rules read with no
    word of harm ("Yesterday I fall on the stairs of the metro. Which stretch today?")."""
    if verdict is None or verdict.category not in (Category.SEVERE_TRAUMA, Category.TRAUMA):
        return verdict
    if (
        rules.question is not None
        and rules.signs[0].category is Category.POSSIBLE_FALL
        and rules.pain is None
        and not (_BACK.search(text.lower()) or _HARM_WORDS.search(text.lower()))
    ):
        return None
    own = _own(reading.mentions)
    lowered = text.lower()
    if (
        any(m.label in _MISHAP_READ for m in own)
        and _said_last(_UNHURT, lowered)
        and not (_UNSURE.search(lowered) or _hurt_after_fall(lowered))
    ):
        return None  # "tripped over a tree root, caught myself, not a scratch": read, unhurt
    if not any(m.label == "MINOR" for m in own):
        return verdict
    if _hurt_after_fall(text):
        return replace(verdict, level=Level.URGENT, category=Category.TRAUMA)
    return replace(verdict, level=Level.ASK, category=Category.POSSIBLE_FALL)


# Short messages that are wholly one of these say nothing about the body: no model for them.
_PLAIN_INTENTS = frozenset(
    {
        Intent.DONE, Intent.DESK, Intent.NUMBER, Intent.STREAK, Intent.SKIP, Intent.STOP,
        Intent.HELP, Intent.GREETING, Intent.THANKS, Intent.NOW, Intent.NO_PAIN,
    }
)  # fmt: skip
_PLAIN_WORDS = 4


def plain_chat(text: str) -> bool:
    """A short message the bot understands as plain chat ("done", "hello", "7", "thanks!") or a
    bare command, which the semantic layer has nothing to add to (it costs 30 ms of CPU). The
    rules still read them all."""
    words = text.split()
    if words and words[0].startswith("/") and not any(c.isalpha() for c in " ".join(words[1:])):
        return True  # a bare command ("/desk", "/pain 3", "/time 07:30")
    return len(words) <= _PLAIN_WORDS and intents.understand(text).intent in _PLAIN_INTENTS


def combine(rules: Triage, verdict: Verdict | None) -> Triage:
    """The rules' answer, unless the semantic layer found something more serious."""
    if verdict is None or verdict.level.rank <= rules.level.rank:
        return rules
    question = question_for(verdict.category) if verdict.level is Level.ASK else None
    return Triage(verdict.level, (SIGNS[verdict.category],), question, rules.pain)


def warm_up(model_dir: Path | None = None) -> float:
    """Load the language pipeline and the semantic layer now (off the start-up path); seconds.

    Without the sentence model the triage runs on the rules alone; that is logged once here.
    """
    from bot.coach import semantic

    started = time.perf_counter()
    understand.load()
    semantic.load(model_dir)
    return time.perf_counter() - started


def mode() -> str:
    """How the triage runs: "rules + semantic (...)" or "rules only (why)"."""
    from bot.coach import semantic

    return semantic.mode()


def loaded_mode() -> str | None:
    """How the triage runs, once the pipeline is loaded; None before (never loads it)."""
    from bot.coach import semantic

    return semantic.loaded_mode()


# --- the older interface --------------------------------------------------------------------


class Urgency(StrEnum):
    """How fast the person should get help (the older name for the two stopping levels)."""

    EMERGENCY = "emergency"  # call the emergency number or go to A&E now
    URGENT = "urgent"  # see a doctor today


@dataclass(frozen=True)
class RedFlag:
    """One urgent or emergency sign, as `screen` returns it."""

    name: str
    urgency: Urgency
    category: Category


def screen(text: str) -> list[RedFlag]:
    """The urgent and emergency signs `text` reports, most urgent first (older interface)."""
    result = triage(text)
    if not result.level.stops_stretching:
        return []
    return [RedFlag(s.plain, Urgency(s.level.value), s.category) for s in result.signs]


DISCLAIMER = (
    "Before we start: I am a stretching coach, not a clinician, and I can't diagnose or treat "
    "anything. Stretching should feel like a mild pull, never pain.\n\n"
    "Please check with a doctor or physiotherapist first if you have any of these:\n"
    "• numbness or tingling around the groin or buttocks, or trouble controlling your bladder or "
    "bowels (emergency: get help now)\n"
    "• numbness, tingling or weakness down a leg\n"
    "• back pain with a fever, after a fall or accident, or that is worse at night\n"
    "• a history of serious back injury, a herniated disc, or nerve pain down the leg\n\n"
    "If any of that is true, tell me, and please get checked before stretching."
)


def red_flag_reply(flags: list[RedFlag], number: str | None = None) -> str:
    """The answer to urgent or emergency signs: one level, one clear message.

    `number` is the person's emergency number (`emergency_number(zone, language)`), if known.
    """
    names = "; ".join(dict.fromkeys(f.name for f in flags))
    call = f"call {number}" if number else "call your local emergency number"
    if any(f.urgency is Urgency.EMERGENCY for f in flags):
        head = (
            f"⚠️ Please {call} or go to an emergency department now. What you describe "
            f"({names}) can be a sign of a serious problem with the nerves or spine that needs "
            "checking straight away. Please don't stretch."
        )
    else:
        head = (
            f"⚠️ Please see a doctor today. What you describe ({names}) needs checking before you "
            "go on stretching: contact your GP surgery or an urgent care service (in the UK, "
            "NHS 111). If it suddenly gets worse, get emergency help."
        )
    return head + f"\n\nNo stretches until you have been checked. (Based on {GUIDELINE}.)"
