"""The red-flag triage: levels, assertion (negated, other people, questions, history), spelling,
pain numbers, emergency numbers, and the targets on the labelled corpora."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.cli import main
from bot.coach import safety_eval
from bot.coach.safety import Level, emergency_number, plain_chat, screen, triage
from bot.coach.signs import QUESTIONS, Category, answer_level

HERE = Path(__file__).parent


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("can't feel anything when I wipe", Level.EMERGENCY),
        ("not sure why but my groin is numb", Level.EMERGENCY),
        ("PEED MYSELF on the bus", Level.EMERGENCY),
        ("incontinance since yesterday", Level.EMERGENCY),
        ("I have a temprature and my back hurts", Level.URGENT),
        ("I fell", Level.ASK),
        ("I have sciatica", Level.CLINICIAN),
        ("my legs aren't numb", Level.NONE),
        ("fever? no", Level.NONE),
        ("my kid has a fever", Level.NONE),
        ("is it ok to stretch after a fall? asking for my mum", Level.NONE),
        ("what stretches are good for sciatica?", Level.NONE),
        ("sciatica from years ago that's gone now", Level.NONE),
        ("I fell asleep at my desk", Level.NONE),
        ("felt the stretch in my calf, no tingling", Level.NONE),
        # Someone typing for the account's owner relays the owner's own symptoms; asking on
        # someone's behalf is a question about them.
        (
            "typing for my mum, she has lost control of her bladder and her back is bad",
            Level.EMERGENCY,
        ),
        ("this is Dad's account: he has a fever and his back is sore", Level.URGENT),
        ("my mum has lost control of her bladder, can she stretch?", Level.NONE),
        # A person describing themselves is not someone else; effort-brought chest pain that
        # eases with rest is the warning, not a pain that is over; a condition that came true.
        (
            "wetting the bed the last 2 nights, 45 yr old man, never done that before",
            Level.EMERGENCY,
        ),
        ("squeezing in my chest during the forward fold, went away when I stopped", Level.URGENT),
        (
            "the doctor said if the numbness spreads to both legs come back. Well it has.",
            Level.EMERGENCY,
        ),
        ("see a doctor if you're numb down there, the nhs says. I'm not numb at all", Level.NONE),
        ("is cauda equina the same as sciatica?", Level.NONE),
        ("my back is sore from moving house, lifted too many boxes", Level.NONE),
        ("got rear ended at the lights on monday, nothing major", Level.ASK),
        ("my mum's account - she's saying she can't hold her wee at all", Level.EMERGENCY),
        ("I am a cancer survivor (thyroid). Now lower back pain from 2 weeks", Level.URGENT),
        (
            "is it normal to get chest pain after the stretches? I've had it since yesterday",
            Level.URGENT,
        ),
        ("got brittle bones and went arse over at the shops, back's sore", Level.URGENT),
        ("Since one month pain is same only, no relief", Level.CLINICIAN),
        ("fever in the family all week, skipped my stretches", Level.ASK),
        ("the whole house has world cup fever", Level.NONE),
        ("little tingle in my foot when I crossed my legs at my desk, went away", Level.NONE),
        ("legs like jelly after my first spin class, good burn", Level.NONE),
        ("what's the difference between a strain and a slipped disc?", Level.NONE),
        ("ED out of nowhere since the back injury, and it feels numb", Level.EMERGENCY),
        ("I no can control toilet since two days, back very pain", Level.EMERGENCY),
        ("toilet paper feels like nothing, like my backside has gone to sleep", Level.EMERGENCY),
        (
            "bit awkward but me and my wife tried to have sex and I had no feeling whatsoever",
            Level.EMERGENCY,
        ),
        (
            "grandson jumped on me on the sofa and I felt my back go, I've got osteoporosis",
            Level.URGENT,
        ),
        ("nothing eases it, not rest not moving not heat, it's just always there", Level.URGENT),
        ("is 37.8 a fever? just took mine", Level.ASK),
        ("fever last night, seems gone now? back still sore", Level.ASK),
        ("came off my bike on the weekend, mostly just grazes and a bruised ego", Level.ASK),
        (
            "Had a bit of an accident, slipped on the wet floor. Ready to get back into it now",
            Level.ASK,
        ),
        ("we were tiling a roof, back is stiff from bending all day", Level.NONE),
        ("tripped over my words in the presentation, so embarrassing", Level.NONE),
        ("my step count has fallen off a cliff this week", Level.NONE),
        ("I'm losing my balance in the single leg stretch, any tips?", Level.NONE),
        ("On work days I barely have time to pee.", Level.NONE),
        (
            "My GP said if I ever have problems with my bladder or numbness between my legs I "
            "should go straight to A&E. I don't have any of that.",
            Level.NONE,
        ),
        (
            "Had a patient on the ward today with cauda equina, lost bladder control. I'm fine",
            Level.NONE,
        ),
        ("recommend a stretch to go with my fever-tree and gin?", Level.NONE),
        ("My legs are not weak at all, I just can't reach my toes", Level.NONE),
        (
            "this is her daughter, mum says she's been trying to wee all morning and only "
            "dribbles come out",
            Level.EMERGENCY,
        ),
        ("this is his son. dad fell down a full flight of stairs last night", Level.EMERGENCY),
        ("grabe, hindi ako maka-ihi since kagabi, and my back sobrang sakit", Level.EMERGENCY),
        ("my blabber isnt working, cant wee since this morning", Level.EMERGENCY),
        (
            "boda boda crash last night, i was thrown off onto the tarmac, back is very painful",
            Level.EMERGENCY,
        ),
        (
            "is it normal for both legs to go numb down to the toes? its been happening since "
            "friday",
            Level.EMERGENCY,
        ),
        ("is it normal for my chest to hurt when I do the cat-cow?", Level.URGENT),
        ("I'm losing wait without trying and my back is getting worse", Level.URGENT),
        ("pain 6. same as 5 wks ago. did routine", Level.CLINICIAN),
        ("our toddler is still wetting the bed most nights, my back is just stiff", Level.NONE),
        (
            "My eldest had a fever on Monday but she's back to bouncing off the walls now",
            Level.NONE,
        ),
        ("The head teacher fell off the stage during the raffle, poor man", Level.NONE),
        ("tingling down to my little toe on the left", Level.CLINICIAN),
        # the twentieth blind set's kinds
        ("not even joking, I wet myself in the queue at Tesco and never felt it", Level.EMERGENCY),
        (
            "my nan's account. she's getting me to type: can't feel her bum since Tuesday",
            Level.EMERGENCY,
        ),
        ("my husband is typing this. she cannot hold her urine since last night", Level.EMERGENCY),
        ("nina homa since yesterday and the back is bad", Level.URGENT),
        ("I no fit hold my poo since yesterday, my back don scatter", Level.EMERGENCY),
        ("ma bahookie's gone numb and ma back is killing me", Level.EMERGENCY),
        ("quad bike flipped over on the field and pinned me, back is sore", Level.EMERGENCY),
        (
            "Was in a car accident on the A1 this morning and my lower back is agony",
            Level.EMERGENCY,
        ),
        ("taang kamzor ho rahi hai, left leg getting weaker every day", Level.URGENT),
        ("pain 4 in the daytime, 8 at night, is that normal", Level.URGENT),
        ("I've lost a stone and I'm eating the same as ever, back aches", Level.URGENT),
        ("the scaffold gave way and I fell two floors, my mate drove me home", Level.EMERGENCY),
        ("I can hold my pee fine, no issues at all", Level.NONE),
        ("the pound has fallen again, no holiday this year", Level.NONE),
        ("darkness falls so early now, stretching by lamplight", Level.NONE),
        ("coughing nonstop with this cold but the back is good", Level.NONE),
        ("hot flushes again (perimenopause), otherwise fine", Level.NONE),
        ("my wife is having chemo and I'm her carer, the lifting hurts my back", Level.NONE),
        # the twenty-first blind set's kinds
        (
            "This is Tom's wife. He says he can't feel his bottom since this morning",
            Level.EMERGENCY,
        ),
        (
            "typing on her account: she's had breast cancer and now her back really hurts",
            Level.URGENT,
        ),
        (
            "his back is no better after a month of this, he asked me to let you know",
            Level.CLINICIAN,
        ),
        ("Not feeling well at all, feverish and the back is much worse", Level.URGENT),
        ("up at 3am pacing the kitchen because lying down is too painful", Level.URGENT),
        ("like I've had an epidural down there, no feeling, since Sunday", Level.EMERGENCY),
        (
            "huge tackle at training, speared into the ground back first, can barely move",
            Level.EMERGENCY,
        ),
        ("aching since the start of spring and it's exactly as bad", Level.CLINICIAN),
        ("crashed my computer again, lost the whole essay", Level.NONE),
        ("my bum goes numb on the bus seat but it's fine once I get up", Level.NONE),
        ("sleeping fine, the pain is only when I sit all day", Level.NONE),
        ("the night pain I had after the surgery went away years ago", Level.NONE),
        # the twenty-second blind set's kinds
        ("haven't needed a pee since yesterday morning, odd, back is killing me", Level.EMERGENCY),
        ("my backside feels asleep all day and it won't wake up", Level.EMERGENCY),
        (
            "came down on the edge of the step from full height, right onto my back",
            Level.EMERGENCY,
        ),
        ("since the slipped disc nothing down there works", Level.EMERGENCY),
        ("new hole in my belt, no appetite, and my back aches", Level.URGENT),
        ("this pain started back in October. same every day", Level.CLINICIAN),
        ("banged into the kitchen table hard this morning", Level.ASK),
        ("small accident with my tea on the yoga mat", Level.NONE),
        ("my mum's falls prevention class starts Monday", Level.NONE),
        ("up every night because of the twins, my back is fine", Level.NONE),
        ("my pain doesn't wake me up any more", Level.NONE),
        ("legs went numb after the epidural with my first, fine ever since", Level.NONE),
        # the twenty-third blind set's kinds
        ("daughter here: dad can't feel himself wiping since yesterday", Level.EMERGENCY),
        ("Gran doesn't do phones. She wet herself twice today without noticing", Level.EMERGENCY),
        (
            "my husband uses this account. his shins are both tingling since the fall",
            Level.EMERGENCY,
        ),
        ("both my feet flop down when I walk since last night", Level.EMERGENCY),
        ("neither calf will push me up onto my toes now, both gone weak", Level.EMERGENCY),
        ("nt sure it matters but my legs r both numb and it hasnt worn off", Level.EMERGENCY),
        ("my heel won't come up off the floor on the right, worse daily", Level.URGENT),
        ("not eating much and dropped weight, jeans falling off me, back worse", Level.URGENT),
        (
            "do I need to say I had a lymphoma treated a few years back? back aching lately",
            Level.URGENT,
        ),
        ("still the same as week 1 after all this", Level.CLINICIAN),
        ("the whole office crashed the server today, chaos", Level.NONE),
        ("feet went dead on the stadium steps, back to normal after a stamp about", Level.NONE),
        ("my bum goes numb on the flight but it's gone once I'm up and walking", Level.NONE),
        ("temperature broke on Sunday and I've felt fine since", Level.NONE),
        ("should I empty my bladder first before the routine?", Level.NONE),
        ("saddle sores from the charity ride, nothing numb", Level.NONE),
        ("I volunteer at the cancer charity shop on Saturdays", Level.NONE),
        ("my steroid inhaler is running low, need the chemist", Level.NONE),
        ("banged my elbow on the door frame, back's fine", Level.NONE),
        ("wife here, he says thanks for the reminders!", Level.NONE),
        # the twenty-fourth blind set's kinds
        ("can't get up on my toes on either side since Tuesday", Level.EMERGENCY),
        ("since last week I cannot hold my urine at all, back very painful", Level.EMERGENCY),
        (
            "came off a kicker snowboarding and landed flat on my back, heard a crack",
            Level.EMERGENCY,
        ),
        (
            "my weight keeps dropping for no reason, 4 kg this month, and the back aches",
            Level.URGENT,
        ),
        (
            "my sister's account, I'm setting it up for her: she has tingling down her left leg",
            Level.CLINICIAN,
        ),
        ("right calf feels zapped every time I bend, shooting down from my back", Level.CLINICIAN),
        ("we did Niagara Falls on holiday, back was fine", Level.NONE),
        ("had a bladder infection in spring, antibiotics cleared it up", Level.NONE),
        ("legs go heavy after a long shift, fine once I put my feet up", Level.NONE),
        ("my foot went dead on the loo, came back after a minute", Level.NONE),
        ("I leak a bit when I sneeze, have done since my first baby 20 years ago", Level.NONE),
        ("my brother crashed his car but I wasn't in it, I'm fine", Level.NONE),
        ("I'm feverish about this new routine, loving it", Level.NONE),
        ("my old knee injury still clicks on the stairs", Level.NONE),
        ("lump in my breast last year, biopsy said benign", Level.NONE),
        ("Weight loss? I wish! Put on a stone this winter", Level.NONE),
        ("pain comes and goes with sitting, not at night", Level.NONE),
        # The excuse's own denial ends with its clause; a denial that names a sign goes on.
        ("couldn't face it today, can't feel my bum on the seat since lunch", Level.EMERGENCY),
        ("no routine tonight, my chest has been tight and painful all evening", Level.URGENT),
        ("no fever, chills or night sweats, just the usual stiffness", Level.NONE),
        ("It's Dan's sister, he wet himself this morning and didn't notice", Level.EMERGENCY),
        ("caught my foot on the kerb, stumbled but didn't go down, not a mark on me", Level.NONE),
        ("my little one has had a fever since Sunday so I'm shattered", Level.NONE),
        # A feeling said to pass at once is over, unless it then comes back.
        (
            "a twinge behind my knee in the stretch, stopped straight away when I eased off",
            Level.NONE,
        ),
        (
            "zaps down my left leg, stopped straight away but it's come back twice today",
            Level.CLINICIAN,
        ),
        ("flew off the trampoline onto the patio and landed flat on my back", Level.EMERGENCY),
        (
            "the kids fell off the trampoline onto the grass, all fine, so I did my stretches",
            Level.NONE,
        ),
        # Relatives in more words; a week's news with the sign inside it.
        (
            "Update from Ann's daughter. Mum can't feel her bottom on the loo since Monday",
            Level.EMERGENCY,
        ),
        (
            "Nan is typing this with me. She's wet herself twice today without knowing",
            Level.EMERGENCY,
        ),
        ("my wife says I drag my left foot now and she's right, it slaps the floor", Level.URGENT),
        ("woke up every single night this week with it, 8 at night and 3 by day", Level.URGENT),
        ("tripped at the park, got straight back up, back's fine, just muddy knees", Level.NONE),
        ("the share price crash ruined my week, back's a 3 though", Level.NONE),
        # A medical life told beside the back: work, medicines, scans, other people's illness.
        (
            "typing for my brother, he dived into the shallow end and hit the bottom, "
            "his back is agony",
            Level.EMERGENCY,
        ),
        (
            "the area between my legs is numb, like I've sat on frozen peas, since lunch",
            Level.EMERGENCY,
        ),
        ("landed back first on the concrete off the climbing wall", Level.EMERGENCY),
        ("I've lost a stone and I can't work out why, and my back aches", Level.URGENT),
        ("zingy nerve pain down one leg whenever I lift her out of the car seat", Level.CLINICIAN),
        ("I work on a cancer ward, long shifts, my hamstrings are tight", Level.NONE),
        ("I'm a retired pharmacist, I know all about steroids and cancer drugs", Level.NONE),
        (
            "my aunty's cancer showed up as back pain, so mine scares me, but it's just stiffness",
            Level.NONE,
        ),
        (
            "a steroid inhaler for asthma and hydrocortisone cream for a rash, nothing else",
            Level.NONE,
        ),
        ("menopausal night sweats, easing since I started HRT", Level.NONE),
        (
            "rode 100k and was numb down below from the saddle for a while after, "
            "totally back to normal now",
            Level.NONE,
        ),
        ("my partner has a fever and I think I'm coming down with it, back stiff", Level.ASK),
        ("had my booster yesterday and felt a bit shivery overnight, back achy", Level.ASK),
        ("Back is sitting at 3/10, mostly from carrying the shopping", Level.NONE),
        # Worriers who list what they do not have; stoics who play real signs down.
        ("I keep feeling my legs for numbness since that forum post, they're fine", Level.NONE),
        ("both legs like jelly after leg day yesterday, DOMS is real", Level.NONE),
        ("back feels like I've been run over by a bus, the good kind of ache", Level.NONE),
        (
            "had a single cortisone jab in my shoulder, does that count as long-term steroids?",
            Level.NONE,
        ),
        ("prednisolone tablets daily for over a year now for my lungs", Level.CLINICIAN),
        ("a warm tingle in my hamstring while I hold it, goes the second I release", Level.NONE),
        (
            "my manager made me do an incident form after I slipped on the stairs at work",
            Level.ASK,
        ),
        (
            "not one to fuss, but this isn't like my normal twinges, both feet numb to the ankles",
            Level.EMERGENCY,
        ),
        ("trying for a baby and since my back went I can't feel a thing during", Level.EMERGENCY),
        ("changed the bedding twice, wasn't the toddler, it was me. back's bad", Level.EMERGENCY),
        ("numbness in both lower limbs since this morning", Level.EMERGENCY),
        ("down there feels like I've had a dentist injection since yesterday", Level.EMERGENCY),
        ("the kids have a temp and do I feel a bit warm? can't tell", Level.ASK),
        ("I might have had a fever overnight, woke up drenched, fine now", Level.ASK),
        ("up twice in the night for a wee after too much tea", Level.NONE),
        ("a cancer scare last spring, the lump was benign", Level.NONE),
        # Active lives: kit, cold and training that explain a feeling; falls that did not hurt.
        (
            "toes numb in my new climbing shoes, took them off and fine in a few minutes",
            Level.NONE,
        ),
        ("both feet went numb in the ice bath. Fine now.", Level.NONE),
        ("came off my mountain bike, nothing hurts, back's fine", Level.NONE),
        ("tackled all game, no back pain at all, just a sore neck", Level.NONE),
        ("their hooker hurt his back in a scrum and got stretchered off", Level.NONE),
        ("chest tight and wheezy on the cold run, used my inhaler and it settled", Level.NONE),
        ("can't feel my legs after the track session! they're back now", Level.NONE),
        ("my legs are heavy, mileage went up a lot this month", Level.NONE),
        ("back pain improving every week, from a 5 to a 2 over a month", Level.NONE),
        ("the cancer of modern cricket is the T20 schedule", Level.NONE),
        ("got thrown hard at judo last night, should I skip today?", Level.ASK),
        ("came off the horse and she rolled on me, my back is agony", Level.EMERGENCY),
        (
            "went over the bars at speed onto rocks, my mates are with me, back pain is bad",
            Level.EMERGENCY,
        ),
        (
            "This is his mum. He was speared at rugby and landed on his neck, his back hurts",
            Level.EMERGENCY,
        ),
        (
            "Anyone else get a numb bum that won't go? Mine's been like it for 2 days",
            Level.EMERGENCY,
        ),
        # What a review of those rounds found: an all-clear counts only when nothing after it
        # takes it back, and a next sentence ends a feeling only when it says it passed for good.
        ("Both legs have gone numb and weak. Went to lie down but no change.", Level.EMERGENCY),
        (
            "Both legs went numb and weak on the stairs. Passed out when I stood up.",
            Level.EMERGENCY,
        ),
        ("My legs are both numb and tingling. Fine when I'm lying down.", Level.EMERGENCY),
        (
            "Fell off the roof onto the patio, nothing hurts but I can't move my legs.",
            Level.EMERGENCY,
        ),
        (
            "Fell down the stairs last night. Back feels ok this morning but hurts when I bend.",
            Level.EMERGENCY,
        ),
        (
            "Came off my bike at speed into a wall, back is agony, totally my own fault.",
            Level.EMERGENCY,
        ),
        ("Both legs numb and I can't feel myself wee, rang 111 so it's sorted.", Level.EMERGENCY),
        ("Fever of 39 and my back is agony, took paracetamol and it eased a bit.", Level.URGENT),
        ("Woke up with both legs numb, couldn't even get my feet in my shoes.", Level.EMERGENCY),
        (
            "A skier crashed into me at speed, I was thrown onto my back, back is killing me.",
            Level.EMERGENCY,
        ),
        (
            "Not sure if this counts as saddle numbness, my bum feels tingly since yesterday",
            Level.EMERGENCY,
        ),
        (
            "My gym buddy noticed my left foot is dragging and it's getting weaker every week.",
            Level.URGENT,
        ),
        ("Anyone else get numb legs on long drives? I'm curious if it's common.", Level.NONE),
        ("my best mate is in bits, it's his mum, she's got cancer in her spine", Level.NONE),
        ("Changed the sheets this morning, it was me who spilled the tea.", Level.NONE),
        # Work and home life.
        (
            "my dad is using this, he had prostate cancer 4 years ago and his back has ached "
            "for a month",
            Level.URGENT,
        ),
        (
            "slipped on the wet floor, landed on my hands, back's not hurt, wrist a bit sore",
            Level.NONE,
        ),
        ("had a bump in the car on Monday and my back's been playing up since", Level.URGENT),
        # A hard landing the person says did not hurt is still worth one question.
        (
            "Came off my horse into soft sand, bounced straight up, nothing hurts, back's fine.",
            Level.ASK,
        ),
        # Travel, typed fast.
        ("legs r like jelly. both of em. back screaming. never had this", Level.EMERGENCY),
        ("my legs turned to jelly when the plane dropped, turbulence is the worst", Level.NONE),
        ("numb bum on the ferry, is it just the seats? it hasn't gone", Level.EMERGENCY),
        ("my bum was numb on the night train but fine after a walk to the cafe", Level.NONE),
        ("both feet went dead on the flight, walked about and they were normal again", Level.NONE),
        ("tram crash in Lisbon, I got flung out of my seat and my back is agony", Level.EMERGENCY),
        ("hot and cold sweats in the hostel all night, lower back aching", Level.URGENT),
        ("my right foot isn't lifting properly on the hike and it's getting worse", Level.URGENT),
        ("my feet aren't lifting off the mat in the bridge, normal?", Level.NONE),
        ("the flip-flops are killing my heels, anything for feet?", Level.NONE),
        ("fall foliage trip in New England, hamstrings tight from the car", Level.NONE),
        ("had a fever after the yellow fever jab, gone now, ok to stretch?", Level.NONE),
        ("bursting for a wee on the coach, any stretch for the seat?", Level.NONE),
        ("bursting for a wee all day but nothing will come, back aching", Level.EMERGENCY),
        ("slipped on the hotel stairs yesterday, which stretch is best today?", Level.ASK),
        ("slipped on the hotel stairs yesterday, back sore today, which stretch?", Level.URGENT),
        # ... and the messages a review wrote to break those rules.
        ("bursting for a wee but hardly anything comes out since my back went", Level.EMERGENCY),
        ("legs r jelly lol after the climbing wall", Level.NONE),
        ("my suitcase went down the whole escalator at the airport", Level.NONE),
        ("my feet don't lift in the glute bridge, is that right?", Level.NONE),
        ("been dragging my feet about starting today", Level.NONE),
        ("foot isn't lifting when I walk, dragging my toes since my back went", Level.URGENT),
        ("turbulence was awful, I was nearly thrown out of my seat", Level.NONE),
        (
            "both legs went numb on the flight, fine again for an hour but now they're numb again",
            Level.EMERGENCY,
        ),
        (
            "couldn't pee for hours this morning, legs tingling too, both fine again now",
            Level.EMERGENCY,
        ),
        ("had a temperature in Seville of 44 degrees all week, back stiff", Level.NONE),
        ("been running a temperature in the evenings and my back aches", Level.URGENT),
        ("fell in the hotel shower and now I can hardly bend over", Level.URGENT),
        ("I have a fever of 39 since Sunday, had my travel jabs in March", Level.URGENT),
        # Older adults and long-term conditions: long known and unchanged is no new sign ...
        (
            "both feet numb from the diabetes for fifteen years, no worse, which stretch?",
            Level.NONE,
        ),
        ("MS for ten years, legs always a bit stiff, nothing new", Level.NONE),
        # ... but a change in it is, and so is a sign beside years of something else.
        (
            "my feet have been numb from neuropathy for years but since yesterday both legs are "
            "numb up to the knee",
            Level.EMERGENCY,
        ),
        (
            "Type 2 for years, feet numb as ever, and since Tuesday I keep wetting myself",
            Level.EMERGENCY,
        ),
        (
            "I've done yoga for years and after class both legs went numb and stayed numb",
            Level.EMERGENCY,
        ),
        (
            "Prostate's been stable for years but I haven't been able to pass urine since 6pm",
            Level.EMERGENCY,
        ),
        # Carers on the owner's account.
        (
            "this is the carer on Mrs Okafor's account. She fell down the stairs this morning and "
            "her back is very painful",
            Level.EMERGENCY,
        ),
        (
            "This is Mrs Jensen's carer. She can't feel her legs and has wet herself",
            Level.EMERGENCY,
        ),
        ("I'm on Sarah's phone, mine's broken. Her mum has numb legs, I'm just stiff", Level.NONE),
        ("today neither of my legs will hold me and my back is bad", Level.EMERGENCY),
        ("fell out of bed in the night and my back has hurt ever since", Level.URGENT),
        ("fell out with my sister over the holiday, back a bit stiff", Level.NONE),
        ("there's been a fall in the value of my savings, can't afford a physio", Level.NONE),
        ("had a temperature on Tuesday, can I still do the routine?", Level.ASK),
        ("temperature of 39 on Tuesday and it's still high, back aching badly", Level.URGENT),
        ("Rosa next door fell off her ladder, poor thing. My hamstrings are tight", Level.NONE),
        (
            "Went to help Bill next door with his fence and I fell off the ladder myself, my "
            "back is agony",
            Level.EMERGENCY,
        ),
        ("My cancer was treated 12 years ago, I'm clear, no back pain at all", Level.NONE),
        ("If I ever had numbness down there, what would I do?", Level.NONE),
        ("both legs went numb, hopefully it'll be gone by the morning", Level.EMERGENCY),
        # Students and young adults.
        ("ngl it goes numb when we hook up and my back's been killing me", Level.EMERGENCY),
        (
            "is it normal to not feel yourself peeing? bc that's literally happening rn",
            Level.EMERGENCY,
        ),
        ("wet myself in the lecture hall today, not drunk, back's been in bits", Level.EMERGENCY),
        ("my knees buckled on the bus steps, both went at once, back sore", Level.EMERGENCY),
        ("crashed my car in Forza so hard lol, any stretch for gamer back?", Level.NONE),
        ("worked a shift in accident and emergency, need a stretch", Level.NONE),
        ("calves burning from all the dancing at the festival lol", Level.NONE),
        ("fell off the trampoline with my little brother, which stretch today?", Level.ASK),
        ("weeks of this and still no progress with the back pain", Level.CLINICIAN),
        # After surgery and treatment.
        (
            "haven't had a wee since 9 last night and I've drunk loads, back is sore",
            Level.EMERGENCY,
        ),
        ("the catheter was taken out at lunchtime and I still can't go", Level.EMERGENCY),
        (
            "we made love for the first time since the op and I couldn't feel a thing",
            Level.EMERGENCY,
        ),
        ("as a lymphoma patient, should I worry that my lower back aches?", Level.URGENT),
        (
            "three days after the nerve block injection and both legs still feel dead",
            Level.EMERGENCY,
        ),
        ("my foot went numb after the injection but it wore off by teatime", Level.NONE),
        ("the ward was freezing so I was shivering all night, no temperature though", Level.NONE),
        ("tapering off the tramadol now, which stretch is gentlest?", Level.NONE),
        ("prednisolone for a week for my chest, all done now", Level.NONE),
        ("lost 4 kilos before the knee op because my surgeon asked me to", Level.NONE),
        # Parents and family life.
        (
            "picked my daughter up off the floor and now both my legs have gone weak",
            Level.EMERGENCY,
        ),
        ("Mum of three here, my chest gets tight pushing the buggy uphill", Level.URGENT),
        (
            "Grandad here, 77, thin bones, slipped on the bath mat and my back's very sore",
            Level.URGENT,
        ),
        (
            "it's me with the temperature this time, not the kids, 38.9 and my back aches",
            Level.URGENT,
        ),
        ("the twins both have a temperature, I'm fine, just tired", Level.NONE),
        (
            "my little boy fell off the climbing frame, he's fine, can I do my stretches?",
            Level.NONE,
        ),
        ("had mastitis with my first, this time all good, can we do the hip one?", Level.NONE),
        ("back keeps me up every night now, worst at 3-4am", Level.URGENT),
        # Mental health, stress and sleep.
        (
            "my husband and I tried last night, nothing, no feeling at all, back's been bad",
            Level.EMERGENCY,
        ),
        ("the feeling that I need to pee has gone since my back went", Level.EMERGENCY),
        ("woke up in a wet bed, the hot water bottle burst, back fine", Level.NONE),
        (
            "blacked out on the bathroom floor last night, anyway what's today's stretch?",
            Level.ASK,
        ),
        (
            "ECG was normal, turned out to be panic, fine now. Can we do the long routine?",
            Level.NONE,
        ),
        ("lost weight since my mum died, I know why, just want something gentle", Level.NONE),
        (
            "the doctor said if I ever can't pee to go to A&E. Neither of those, just stiff.",
            Level.NONE,
        ),
        (
            "the doctor said if I ever can't pee to go to A&E. Neither of those, but my bum is "
            "numb",
            Level.EMERGENCY,
        ),
        ("Feel like I got run over by a truck. Mentally. Long week.", Level.NONE),
        # English as a second language.
        ("since yesterday the pee is not coming and my back is very bad", Level.EMERGENCY),
        ("from this morning I cannot control my motion, back also paining", Level.EMERGENCY),
        (
            "when I am with my wife I feel nothing there since the back pain, before was normal",
            Level.EMERGENCY,
        ),
        ("I am not well, shaking with cold, my back is aching", Level.URGENT),
        ("I have thin bones and yesterday I fall on my bottom, now back is hurting", Level.URGENT),
        ("I was falling from the chair in the garden, is the routine of today ready?", Level.ASK),
        # the thirty-ninth and fortieth sets: farm and outdoor life, dictated messages
        ("the cow squashed me against the gate post, lower back really bad", Level.EMERGENCY),
        ("a horse kicked me right in the small of my back this morning, very sore", Level.URGENT),
        ("came out of a beech tree, about 4 metres, back is agony", Level.EMERGENCY),
        ("the tup knocked me flying in the pen and my back's hurting since", Level.URGENT),
        ("tried to wee for twenty minutes and nothing, my back is terrible", Level.EMERGENCY),
        ("I haven't managed to pee all day and my back is bad", Level.EMERGENCY),
        ("the old fella's not working since my back went, no feeling there", Level.EMERGENCY),
        (
            "my husband noticed it too, I have no feeling at all during sex since my back went",
            Level.EMERGENCY,
        ),
        ("my feet feel dead, not tired dead, actually numb dead, both of them", Level.EMERGENCY),
        ("the heifer's got a fever and I've been up with her all night", Level.NONE),
        ("Before you ask - no numbness, no problems with the loo. Just stiff.", Level.NONE),
        ("had a horrible fever back in March, right as rain now", Level.NONE),
        ("lost control of my bowls this morning and my back is killing me", Level.EMERGENCY),
        ("both my feet have gone mum since lunch and my back is bad", Level.EMERGENCY),
        ("tingling down the right no wait both legs now, back really sore", Level.EMERGENCY),
        (
            "idk how to explain it my legs are both numb and wobbly since last night",
            Level.EMERGENCY,
        ),
        (
            "my bum feels numb like ive been sat on ice but i havent and my back is sore",
            Level.EMERGENCY,
        ),
        (
            "someone went into the back of me and the car is a write off, my back is in agony",
            Level.EMERGENCY,
        ),
        ("slipped on the step but didnt actually go down, all fine", Level.NONE),
        ("fell a sleep in the last stretch haha", Level.NONE),
        ("we're moving to Boston this fall, can you change my time zone", Level.NONE),
        ("kiddo has a fever so can we move today's stretch to the evening", Level.NONE),
        ("my chest aches from push day at the gym, bench was heavy", Level.NONE),
        ("back gets achy if I stand for hours on the shop floor, pain 3", Level.NONE),
        ("came off a pony at 12, backs been fine ever since, just tight hamstrings", Level.NONE),
        ("I'm weeing loads but I've drunk 2 litres of water today", Level.NONE),
        ("everyone at work has had a fever this week, should I still stretch?", Level.ASK),
        (
            "osteoporosis, carrying feed buckets every day, which stretches are safe?",
            Level.CLINICIAN,
        ),
        ("hot wire feeling down the back of my left leg since Friday", Level.CLINICIAN),
        # the forty-first and forty-second sets: a disability's baseline, the caring professions
        (
            "no feeling below my knees since the crash in 2011, nothing's changed for years. "
            "Which hamstring stretch from the chair?",
            Level.NONE,
        ),
        ("weak right leg since I was 6 from polio, is 20 minutes too long?", Level.NONE),
        (
            "incontinent since my back operation in 2014, I use pads and it's all managed",
            Level.NONE,
        ),
        ("legs have tingled for nine years, that's the MS, unchanged", Level.NONE),
        (
            "the numbness used to end at my knee (injury, 2018). Since Sunday it's spread up into "
            "my groin",
            Level.EMERGENCY,
        ),
        (
            "my right leg has been weak since the polio, but now the other leg is going weak too",
            Level.EMERGENCY,
        ),
        ("my wheelchair tipped backwards off the kerb and my back's really sore", Level.URGENT),
        (
            "osteoporosis, and I slid off the side of the bed during a transfer, back hurts now",
            Level.URGENT,
        ),
        (
            "the rugby chair flipped and I landed with someone's chair on top of me, back "
            "pounding",
            Level.EMERGENCY,
        ),
        ("got pushed into a door by a drunk punter and my back has hurt since", Level.URGENT),
        ("went through the attic hatch after a night shift, back is agony", Level.EMERGENCY),
        ("chest pain hauling kit up the stairs, it went off when I sat down", Level.URGENT),
        ("peed myself on the walk home after my shift and didn't notice", Level.EMERGENCY),
        (
            "Does it matter if my groin has gone numb? Not from cycling, since yesterday",
            Level.EMERGENCY,
        ),
        (
            "on viagra for years and it always worked. Since my back went on Sunday I can't feel "
            "anything when we try",
            Level.EMERGENCY,
        ),
        (
            "pt in cubicle 4 has a cancer history and new back pain, can my stretch be at 9?",
            Level.NONE,
        ),
        ("my crewmate's got a temperature so I'm on with a new para tonight", Level.NONE),
        ("a colleague of mine has sciatica down her right leg, can I send her this?", Level.NONE),
        ("this rota's giving me chest pains lol, can we do the evening slot?", Level.NONE),
        ("three chest pains and two fallers tonight, I just need my hamstrings done", Level.NONE),
        ("fell head over heels for the cobra stretch", Level.NONE),
        ("bladder's stable, legs stable, let's stretch", Level.NONE),
        ("woke in the night with a foot cramp, stretched it out and slept again", Level.NONE),
        ("pain's gone down from a 6 to a 3 over the last month, cheers", Level.NONE),
        ("sorry wrong chat, that was for the ward: bay 3 query cauda equina", Level.NONE),
        # the forty-third and forty-fourth sets: diet and medicines, winter at home
        (
            "finished with the slimming club in spring but the weight keeps falling off even "
            "though I'm eating loads, back's aching more",
            Level.URGENT,
        ),
        ("I no dey feel my buttocks since morning, back dey pain me", Level.EMERGENCY),
        ("sweating like someone with a fever in this heatwave, stretches done", Level.NONE),
        ("hungover night sweats, never again, back's fine", Level.NONE),
        ("had prednisolone for two weeks in 2020 for asthma, nothing since", Level.NONE),
        (
            "is it normal for my groin to go numb with a bad back? it's been like that since "
            "Sunday",
            Level.EMERGENCY,
        ),
        (
            "Dad (79, osteoporosis, his account) slipped on the step and now his back hurts",
            Level.URGENT,
        ),
        ("we hit a deer on the A9 last night, my back is much worse today", Level.EMERGENCY),
        ("lifting the tree into the car gave me a twinge in my back", Level.NONE),
        ("slipped on the ice, didn't actually fall, back's fine", Level.NONE),
        ("my feet went numb in the snow at the match, fine once I warmed up", Level.NONE),
        ("legs like jelly after hiking up the fell with the kids", Level.NONE),
        ("usual stiffness, worse in the cold", Level.NONE),
        # the forty-fifth and forty-sixth sets: performers and trades, trackers and the vague
        ("log 5/6: LBP 6 | p&n bilat calves since lunch | sleep 70", Level.EMERGENCY),
        ("my legs just wouldn't work getting out of the bath, either of them", Level.EMERGENCY),
        ("bladder: flow weak and stop-start since Monday, back 7", Level.EMERGENCY),
        ("• crash on the motorway • van on its roof • back 8", Level.EMERGENCY),
        ("a taxi knocked me off my scooter this morning and my back is agony", Level.EMERGENCY),
        (
            "slipped off the edge of the stage into the pit at rehearsal, back really hurts",
            Level.EMERGENCY,
        ),
        ("reading this morning 102.4°F, low back 7", Level.URGENT),
        (
            "nan's notes (90, osteoporosis): sat down too hard on the commode, back pain 8",
            Level.URGENT,
        ),
        ("overnight 7, 8, 8 this week; days are a 3", Level.URGENT),
        ("single-leg heel raises: R 15 → 10 → 6 in three weeks, L fine", Level.URGENT),
        ("my left calf buzzes on and off, never the right", Level.CLINICIAN),
        ("scan says T -2.8 at the hip, no falls, just stiff", Level.CLINICIAN),
        ("my wee one's been off with a fever, so evenings are tricky", Level.NONE),
        ("Fever: no. Numbness: none. Chest: fine. Ready for week 3", Level.NONE),
        ("our singer has a temperature so the gig is off, stretch at 8?", Level.NONE),
        ('we played "Fever" twice tonight, what a crowd', Level.NONE),
        ("that finale gave me chills, anyway hamstrings next", Level.NONE),
        ("cycle crash 2015 (broken wrist), back fine ever since", Level.NONE),
        ("breathe into the hip stretch, it makes my chest feel open", Level.NONE),
        ("hot yoga at 40 degrees room heat, loved it", Level.NONE),
        ("temperature's normal, 36.5, just tired. back's the same old stiff", Level.NONE),
        # the forty-seventh and forty-eighth sets: corrections, quotes and forwarded words
        (
            "headline today: 'pensioner, 90, survives fall from ladder' — I'm just here for my "
            "hamstrings",
            Level.NONE,
        ),
        (
            "the temperature is my daughter's, not mine. I'm fine, can we do the evening one?",
            Level.NONE,
        ),
        ("I typed bowel, meant towel. Left my towel at the gym", Level.NONE),
        ("thought my feet were numb but no, it was the cold floor, all fine", Level.NONE),
        (
            "old GP letter says 'fall from roof 2009, fractured L2'. Fully healed. Nothing since.",
            Level.NONE,
        ),
        (
            "my sister's message: 'both my legs went numb at work' — that's exactly what's "
            "happening to me too since lunch",
            Level.EMERGENCY,
        ),
        (
            "pasting my discharge notes: 'new urinary retention, for review'. still can't go "
            "properly",
            Level.EMERGENCY,
        ),
        ("no fever — well actually, yes, 38.4 this morning and my back aches", Level.URGENT),
        (
            "I said no falls — actually I did, slipped on the stairs yesterday and my back hurts",
            Level.URGENT,
        ),
        (
            "mi médico escribió 'si no puedes controlar la vejiga, ve a urgencias' — me pasa "
            "desde anoche",
            Level.EMERGENCY,
        ),
        # the forty-ninth and fiftieth sets: already in the health system, metaphor and simile
        ("a lorry shunted us from behind on the M6 at about 70, back's in bits", Level.EMERGENCY),
        (
            "had the nerve root injection on Friday, now I feel hot, shivery and properly unwell "
            "and my back is worse",
            Level.URGENT,
        ),
        ("both legs feel like I'm wading through wet concrete since lunch", Level.EMERGENCY),
        ("down below feels like it belongs to a shop dummy since my back went", Level.EMERGENCY),
        (
            "the tingling in my feet was put down to low B12 and the jabs sorted it, but since "
            "Monday both legs are numb again",
            Level.EMERGENCY,
        ),
        (
            "Physio gave me the warning signs: numbness between the legs, not being able to pee. "
            "I've got the first one since this morning.",
            Level.EMERGENCY,
        ),
        (
            "the numbness in both feet was checked, turned out to be my tight boots, and it went "
            "once I bought wider ones",
            Level.NONE,
        ),
        ("the night waking turned out to be the neighbour's dog. Earplugs sorted it.", Level.NONE),
        (
            "Discharge sheet says come back if fever or weakness in both legs. Nothing like that "
            "so far.",
            Level.NONE,
        ),
        ("The nurse line asked about fever, numbness and falls. All no.", Level.NONE),
        ("felt like a stretched rubber band in my hamstring, in a good way", Level.NONE),
        ("my feet tingle when I come in from sledging, then they warm up", Level.NONE),
        ("Nan (81) keeps dragging her feet about booking the eye test", Level.NONE),
        # the fifty-first and fifty-second sets: very short messages, drama and understatement
        ("scooter vs van earlier, back's wrecked", Level.EMERGENCY),
        ("footy tackle yday, back hurts since", Level.URGENT),
        ("had to punch new belt holes, not dieting", Level.URGENT),
        ("back no better, week 6", Level.CLINICIAN),
        ("my wife asked me to type this: she can't feel her bottom since lunch", Level.EMERGENCY),
        ("arsenal vs spurs tonight, stretch first", Level.NONE),
        ("me v the bus this morning, made it!", Level.NONE),
        ("fell off the yoga wagon at christmas, back on it now", Level.NONE),
        ("coaching rugby tackle technique tonight, any warm-up for me?", Level.NONE),
        ("weather's hot n cold this week", Level.NONE),
    ],
)
def test_triage_reads_the_message_not_the_keyword(text: str, level: Level) -> None:
    assert triage(text).level is level


# Concept classes combine: each row pairs words that appear in no single rule together.
@pytest.mark.parametrize(
    ("text", "level", "category"),
    [
        ("my knob feels dead since the back went", Level.EMERGENCY, Category.SADDLE_NUMBNESS),
        ("it feels strange down there when I wipe", Level.EMERGENCY, Category.SADDLE_NUMBNESS),
        ("going for a wee takes ages and it's only a trickle", Level.EMERGENCY,
         Category.BLADDER_BOWEL),
        ("my bowels let go without me noticing", Level.EMERGENCY, Category.BLADDER_BOWEL),
        ("my hard-ons have gone since the disc slipped", Level.EMERGENCY, Category.SEXUAL),
        ("both my thighs have pins n needles", Level.EMERGENCY, Category.BILATERAL_LEGS),
        ("the lorry rolled over on the motorway with me in it", Level.EMERGENCY,
         Category.SEVERE_TRAUMA),
        ("slipped off a 4m scaffold, back is sore", Level.EMERGENCY, Category.SEVERE_TRAUMA),
        ("my heel drags and my toes won't lift", Level.URGENT, Category.WEAKNESS),
        ("on pred since 2019 and coughed and something cracked in my back", Level.URGENT,
         Category.FRAGILITY_TRAUMA),
        ("my belt is loose now and I'm not dieting, back aches", Level.URGENT,
         Category.WEIGHT_LOSS),
        ("an ache between the shoulder blades and my chest", Level.URGENT, Category.CHEST_PAIN),
        ("shooting pain into my calf on the left", Level.CLINICIAN, Category.SCIATICA),
        ("5 months in and still the same back pain", Level.CLINICIAN, Category.NOT_IMPROVING),
    ],
)  # fmt: skip
def test_signs_are_combinations_of_concepts(text: str, level: Level, category: Category) -> None:
    result = triage(text)
    assert result.level is level
    assert category in {s.category for s in result.signs}


@pytest.mark.parametrize(
    "text",
    [
        "can a tight piriformis cause numbness in the groin?",  # a question about generalities
        "does weak legs mean a disc problem?",
        "my legs are numb from kneeling on the floor",  # a benign cause named with it
        "my bum went numb after the long drive",
        "I peed myself laughing at the cat",  # an idiom
        "my knees went weak when the cake came out",
        "fell off the wagon with my stretches",
        "crash course in hip openers please",
        "broke my back in a car crash in 2008, totally healed",  # over
        "my cat is on steroids and fell off the sofa",  # a pet
        "I'm a physio and I see foot drop every week",  # work, not self
        "I tripped on the step but I'm fine",  # a fall cleared by the person
        "not numb, not tingling, just stiff",
    ],
)
def test_harmless_messages_with_sign_words_stay_harmless(text: str) -> None:
    assert triage(text).level is Level.NONE


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I've got a temperature of 39", Level.URGENT),  # said plainly of themselves
        ("I think I might be a bit feverish", Level.ASK),  # hedged
        ("temperature since yesterday, do I skip today?", Level.ASK),  # no subject
        ("is it ok to stretch with a fever?", Level.ASK),  # whose fever is left open
        ("should you stretch if you have a fever, in theory?", Level.NONE),  # anyone's
        ("should i stretch if i get a fever?", Level.NONE),  # one day, not now
        ("is it ok to stretch with a cold? no fever just sniffles", Level.NONE),
    ],
)
def test_a_fever_without_back_pain_is_asked_about_unless_stated_plainly(
    text: str, level: Level
) -> None:
    assert triage(text).level is level


def test_a_negated_sign_does_not_hide_an_affirmed_one() -> None:
    result = triage("No fever and no pins and needles. Oh, and my crotch has gone numb")
    assert result.level is Level.EMERGENCY
    assert [s.category for s in result.signs] == [Category.SADDLE_NUMBNESS]


def test_a_pain_number_in_a_red_flag_message_is_returned() -> None:
    result = triage("my pain is 8 and I have tingling down my leg")
    assert result.pain == 8
    assert result.level is Level.CLINICIAN


def test_an_unclear_mention_gets_a_question_and_its_answers_decide() -> None:
    result = triage("I had a fall")
    assert result.question == QUESTIONS[Category.POSSIBLE_FALL]
    assert answer_level(result.question, yes=True) is Level.URGENT
    assert answer_level(result.question, yes=False) is Level.NONE


def test_the_older_screen_returns_urgent_and_emergency_signs_only() -> None:
    assert [f.urgency.value for f in screen("lost control of my bowels")] == ["emergency"]
    assert screen("I have sciatica") == []
    assert screen("I fell") == []


@pytest.mark.parametrize(
    ("zone", "language", "number"),
    [
        ("Europe/London", None, "999"),
        ("Europe/Berlin", "en", "112"),
        ("America/Toronto", None, "911"),
        ("Australia/Sydney", "en", "000"),
        ("Pacific/Auckland", None, "111"),
        (None, "de", "112"),
        (None, "en-GB", "999"),
        (None, "en", None),
        ("Asia/Ulaanbaatar", None, None),
        (None, None, None),
    ],
)
def test_emergency_number_by_zone_then_language(
    zone: str | None, language: str | None, number: str | None
) -> None:
    assert emergency_number(zone, language) == number


# A studied set whose labels differ from two readings the triage makes on purpose (README,
# "The fifty-first and fifty-second were studied together"): a fever with no subject and no word
# of the back is asked about ("38.9 and shivery": whose fever?), and a relative's short news with
# no note that the writer types for them is theirs ("mum cant feel her bum").
BELOW_TARGET_ON_PURPOSE = {"safety_dev51.tsv"}
_RELATIVES_NEWS = re.compile(r"^(?:my )?(?:dad|mum|mom|nan|gran|grandad)(?:'?s)?\b", re.IGNORECASE)


# Every corpus studied so far (the tuning corpus and the blind sets once measured, then read
# for their misses: safety_eval.STUDIED_CORPORA), and a fresh blind set nobody tuned for
# (skips until it exists).
@pytest.mark.parametrize(
    "name",
    [
        *(p.name for p in safety_eval.STUDIED_CORPORA if p.name not in BELOW_TARGET_ON_PURPOSE),
        "safety_heldout.tsv",
    ],
)
def test_targets_on_the_labelled_corpora(name: str) -> None:
    path = HERE / name
    if not path.exists():
        pytest.skip(f"{name} not written yet")
    cases = safety_eval.load_corpus(path)
    report = safety_eval.evaluate(cases)
    assert report.sensitivity(Level.EMERGENCY, Level.URGENT) >= 0.98, safety_eval.render(
        report, name
    )
    assert report.false_alarm_rate <= 0.02, safety_eval.render(report, name)


def test_the_fifty_first_set_misses_only_what_is_read_on_purpose() -> None:
    report = safety_eval.evaluate(safety_eval.load_corpus(HERE / "safety_dev51.tsv"))
    missed = [
        (case, got)
        for case, got in report.missed
        if case.expected.stops_stretching and got.rank < case.expected.rank
    ]
    asked = [c.text for c, got in missed if got is Level.ASK and c.note == "fever"]
    theirs = [c.text for c, got in missed if _RELATIVES_NEWS.match(c.text)]
    assert sorted(asked + theirs) == sorted(c.text for c, _ in missed)
    assert len(asked) <= 3  # (no other miss, and no more of these)
    assert len(theirs) <= 5
    assert report.false_alarm_rate <= 0.02, safety_eval.render(report, "safety_dev51.tsv")


def test_safety_eval_prints_figures_and_rejects_a_bad_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "c.tsv"
    good.write_text("# comment\npeed myself\temergency\nI fell asleep\tnone\n", encoding="utf-8")
    assert main(["safety", "eval", "--corpus", str(good)]) == 0
    out = capsys.readouterr().out
    assert "emergency+urgent caught 100.0 %" in out
    assert "0/1 answered" in out
    bad = tmp_path / "bad.tsv"
    bad.write_text("no level here\n", encoding="utf-8")
    assert main(["safety", "eval", "--corpus", str(bad)]) == 1
    assert "bad.tsv:1" in capsys.readouterr().out


@pytest.mark.parametrize(
    "header", ["# text\texpected level\tcategory or note", "text\tlevel\tnote"]
)
def test_a_corpus_may_start_with_either_header(tmp_path: Path, header: str) -> None:
    path = tmp_path / "c.tsv"
    path.write_text(f"{header}\npeed myself\temergency\tbladder\n", encoding="utf-8")
    assert safety_eval.load_corpus(path) == [
        safety_eval.Case("peed myself", Level.EMERGENCY, "bladder")
    ]


def test_a_header_line_later_in_the_file_is_a_bad_row(tmp_path: Path) -> None:
    path = tmp_path / "c.tsv"
    path.write_text("peed myself\temergency\ntext\tlevel\tnote\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"c\.tsv:2"):
        safety_eval.load_corpus(path)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("sat on the loo and couldn't tell whether I'd gone or not, back agony", Level.EMERGENCY),
        ("didn't realise I'd pooed myself, my back has been bad", Level.EMERGENCY),
        ("the area that sits on the bike saddle has gone numb, back is sore", Level.EMERGENCY),
        ("my sciatica moved to the other leg too, back is bad", Level.EMERGENCY),
        ("temp's been 38.5 all day and my back aches", Level.URGENT),
        ("on steroids for years and missed the bottom step, jarred my back", Level.URGENT),
        ("awake pacing at 3am with my back, it never eases", Level.URGENT),
        ("L4 radicular pain, dermatomal, nothing else", Level.CLINICIAN),
        ("six weeks of stretching and my back hasn't budged", Level.CLINICIAN),
    ],
)
def test_indirect_lay_and_clinical_phrasings_of_a_sign(text: str, level: Level) -> None:
    assert triage(text).level is level


@pytest.mark.parametrize(
    "text",
    [
        "I dreamt my back gave way on a ladder and I fell off the top",
        "the share price fell off a cliff this week",
        "my glasses fell off the pier, gutted",
        "my leg went dead because the baby slept on it, all fine now",
        "the leaks I had after my op are long sorted",
        "a lorry crash on the motorway so we sat in traffic for hours",
        "up at 4am for an early flight, back feels good",
        "didn't realise I'd gone over the time on that stretch",
    ],
)
def test_dreams_figures_of_speech_and_things_over_are_not_signs(text: str) -> None:
    assert triage(text).level is Level.NONE


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("done", True),
        ("hello!", True),
        ("7", True),
        ("/desk", True),
        ("/pain 3", True),
        ("/time 07:30", True),
        ("/pain 8 my legs are both numb", False),
        ("my legs are numb", False),
        ("peed myself", False),
        ("fever", False),
    ],
)
def test_the_sentence_model_is_spared_only_plain_chat_and_bare_commands(
    text: str, plain: bool
) -> None:
    assert plain_chat(text) is plain


def test_a_sign_after_a_command_is_still_read() -> None:
    assert triage("/pain 8 and I peed myself without feeling it").level is Level.EMERGENCY


# Plain chat in which no rule finds all the words it needs is read without the pipeline (on the
# event loop, in microseconds): it must say exactly what the pipeline would.
@pytest.mark.parametrize(
    "text", ["done", "thanks!", "hello", "done 👍", "all done!", "hello 10001 7", "/desk"]
)
def test_plain_chat_naming_nothing_is_read_without_the_pipeline(text: str) -> None:
    from bot.coach import understand
    from bot.coach.safety import quick_triage

    understand.load()
    quick = quick_triage(text)
    assert quick is not None
    assert quick == triage(text, reader=None) == triage(text)


@pytest.mark.parametrize(
    "text",
    ["numb", "done, legs numb", "thanks, peed myself", "hello 🍆 dead", "feverish", "pain 4"],
)
def test_chat_naming_a_sign_still_goes_through_the_pipeline(text: str) -> None:
    from bot.coach import understand
    from bot.coach.safety import quick_triage

    understand.load()
    assert understand.could_mention(text)
    assert quick_triage(text) is None


def test_what_the_quick_check_rules_out_the_pipeline_never_finds() -> None:
    # Every studied corpus row the check rules out (about one in six) has no mention at all.
    from bot.coach import understand

    understand.load()
    texts = [c.text for p in safety_eval.STUDIED_CORPORA for c in safety_eval.load_corpus(p)]
    ruled_out = [text for text in texts if not understand.could_mention(text)]
    assert len(ruled_out) > len(texts) // 10
    assert [text for text in ruled_out if understand.read(text).mentions] == []
