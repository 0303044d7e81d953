"""Starting content for the exercises app: three categories and nine exercises.

Pure data, no Django code. A loader turns these dicts into categories,
exercises and references. Facts and starting doses come from
/work/shared/content-facts.md. Every dose is a starting point that an editor
(a physiotherapist) confirms or changes in the admin; the precautions say so.

Dose fields:
- dose_kind "hold": hold_seconds, reps, sets, rest_seconds (rest between
  reps), rest_between_sets_seconds (0 when sets == 1) and each_side;
  duration_minutes is None.
- dose_kind "activity": duration_minutes only; the hold fields are None and
  each_side is False.
"""

CATEGORIES = [
    {
        "slug": "stretching",
        "name": "Stretching",
        "description": (
            "Gentle stretches to ease tight muscles around your back, hips and legs. "
            "Go slowly and never bounce."
        ),
        "order": 1,
    },
    {
        "slug": "strengthening",
        "name": "Strengthening",
        "description": (
            "Exercises that build up the muscles supporting your lower back and pelvis, "
            "including your pelvic floor."
        ),
        "order": 2,
    },
    {
        "slug": "low-impact",
        "name": "Low-impact activity",
        "description": (
            "Gentle ways to get moving without jolting your body. "
            "Start with short sessions and build up slowly."
        ),
        "order": 3,
    },
]

EXERCISES = [
    {
        "slug": "hamstring-stretch",
        "name": "Hamstring stretch",
        "category": "stretching",
        "order": 1,
        "summary": "A gentle lying stretch for the back of your thigh, using a towel so you do not have to reach.",
        "difficulty": "gentle",
        "steps": [
            "Lie on your back with both knees bent and your feet flat on the floor.",
            "Loop a towel around the sole of one foot.",
            "Hold both ends of the towel and slowly straighten that leg up towards the ceiling.",
            "Stop when you feel a gentle stretch at the back of your thigh.",
            "Hold the stretch and breathe slowly.",
            "Bend your knee and lower your foot slowly back to the floor.",
        ],
        "why_it_helps": (
            "This stretch eases tightness at the back of your thigh, along the path "
            "where sciatica is often felt. Stretches held for 20 to 30 seconds and "
            "repeated are a common way to ease sciatica. The towel means you do not "
            "have to reach or strain."
        ),
        "precautions": (
            "Check with your midwife, GP or physiotherapist before you start, often at "
            "your 6-week check. The dose shown is a starting point that a physiotherapist "
            "can change to suit you. Stretch gently and never bounce. You should feel a "
            "mild pull, not pain."
        ),
        "stop_if": (
            "Stop if pain shoots down your leg, numbness or tingling gets worse, or you "
            "have bleeding or pelvic pain. Also stop if the stretch starts to hurt "
            "rather than feel like a gentle pull."
        ),
        "dose_kind": "hold",
        "hold_seconds": 30,
        "reps": 3,
        "sets": 1,
        "rest_seconds": 10,
        "rest_between_sets_seconds": 0,
        "each_side": True,
        "duration_minutes": None,
        "needs_caesarean_clearance": False,
        "not_first_six_weeks": False,
        "illustration_alt": (
            "A woman lying on her back with one knee bent. Her other leg is straight "
            "and raised, with a towel looped round the foot."
        ),
        "references": [
            {
                "title": "Sciatica exercises",
                "publisher": "Sports Injury Clinic",
                "url": "http://sportsinjuryclinic.net/sport-injuries/low-back-pain/sciatica/sciatica-exercises",
                "accessed": "2026-11-29",
            },
        ],
    },
    {
        "slug": "pelvic-tilt",
        "name": "Pelvic tilt",
        "category": "stretching",
        "order": 2,
        "summary": "A small, gentle rocking of your pelvis while you lie on your back, to ease a stiff lower back.",
        "difficulty": "gentle",
        "steps": [
            "Lie on your back with both knees bent and your feet flat on the floor.",
            "Rest your arms by your sides.",
            "Breathe in and let your body relax.",
            "As you breathe out, gently tighten your tummy muscles.",
            "Tilt your pelvis so your lower back presses softly into the floor.",
            "Hold, and keep breathing normally.",
            "Relax and let your back return to its natural curve.",
        ],
        "why_it_helps": (
            "This small movement gently moves your lower back and pelvis. It can ease "
            "stiffness and help you feel your tummy muscles working again after pregnancy."
        ),
        "precautions": (
            "Check with your midwife, GP or physiotherapist before you start, often at "
            "your 6-week check. The dose shown is a starting point that a physiotherapist "
            "can change to suit you. Keep the movement small and slow, and do not hold "
            "your breath."
        ),
        "stop_if": (
            "Stop if pain shoots down your leg, numbness or tingling gets worse, or you "
            "have bleeding or pelvic pain. Also stop if you feel pain or pulling around "
            "a caesarean scar."
        ),
        "dose_kind": "hold",
        "hold_seconds": 5,
        "reps": 10,
        "sets": 2,
        "rest_seconds": 5,
        "rest_between_sets_seconds": 30,
        "each_side": False,
        "duration_minutes": None,
        "needs_caesarean_clearance": False,
        "not_first_six_weeks": False,
        "illustration_alt": (
            "A woman lying on her back with her knees bent and feet flat, gently "
            "pressing her lower back into the floor."
        ),
        "references": [
            {
                "title": "Sciatica exercises",
                "publisher": "Sports Injury Clinic",
                "url": "http://sportsinjuryclinic.net/sport-injuries/low-back-pain/sciatica/sciatica-exercises",
                "accessed": "2026-11-29",
            },
        ],
    },
    {
        "slug": "piriformis-stretch",
        "name": "Piriformis stretch",
        "category": "stretching",
        "order": 3,
        "summary": "A lying figure-four stretch for the piriformis, a muscle deep in your bottom.",
        "difficulty": "gentle",
        "steps": [
            "Lie on your back with both knees bent and your feet flat on the floor.",
            "Cross one ankle over the other knee to make a figure 4 shape.",
            "Reach round and hold the back of your lower thigh with both hands.",
            "Gently draw that thigh towards your chest until you feel a stretch in your bottom.",
            "Hold the stretch and breathe slowly.",
            "Lower your foot to the floor and uncross your legs.",
        ],
        "why_it_helps": (
            "The piriformis is a muscle deep in your bottom, where sciatica pain is often "
            "felt. A gentle stretch can ease tightness in your hip and bottom."
        ),
        "precautions": (
            "Check with your midwife, GP or physiotherapist before you start, often at "
            "your 6-week check. The dose shown is a starting point that a physiotherapist "
            "can change to suit you. Only go as far as feels comfortable, and never bounce."
        ),
        "stop_if": (
            "Stop if pain shoots down your leg, numbness or tingling gets worse, or you "
            "have bleeding or pelvic pain. Also stop if you feel pain in your knee or "
            "the front of your hip."
        ),
        "dose_kind": "hold",
        "hold_seconds": 30,
        "reps": 3,
        "sets": 1,
        "rest_seconds": 10,
        "rest_between_sets_seconds": 0,
        "each_side": True,
        "duration_minutes": None,
        "needs_caesarean_clearance": False,
        "not_first_six_weeks": False,
        "illustration_alt": (
            "A woman lying on her back with one ankle crossed over the other knee, "
            "gently pulling the lower thigh towards her chest."
        ),
        "references": [
            {
                "title": "Video: supine piriformis muscle stretch",
                "publisher": "Sports-Health",
                "url": "https://www.sports-health.com/video/video-supine-piriformis-muscle-stretch-3",
                "accessed": "2026-11-29",
            },
            {
                "title": "Sciatica exercises",
                "publisher": "Sports Injury Clinic",
                "url": "http://sportsinjuryclinic.net/sport-injuries/low-back-pain/sciatica/sciatica-exercises",
                "accessed": "2026-11-29",
            },
        ],
    },
    {
        "slug": "pelvic-floor-exercise",
        "name": "Pelvic floor exercise",
        "category": "strengthening",
        "order": 4,
        "summary": "Slow and quick squeezes to strengthen your pelvic floor, the muscles that help control your bladder and bowel.",
        "difficulty": "gentle",
        "steps": [
            "Sit or lie down comfortably with your knees slightly apart.",
            "Squeeze and lift inside, as if you are holding in wind and stopping a pee.",
            "Hold the squeeze for up to 10 seconds while you keep breathing.",
            "Let go fully and rest.",
            "Repeat the slow squeezes.",
            "Then do up to 10 quick squeezes, letting go straight after each one.",
            "Do this whole exercise 3 times a day.",
        ],
        "why_it_helps": (
            "Your pelvic floor muscles help you control your bladder and bowel. Pelvic "
            "floor problems can make sciatica worse, and they are more likely after a "
            "difficult birth. Regular squeezes can help these muscles get stronger."
        ),
        "precautions": (
            "Check with your midwife, GP or physiotherapist before you start, often at "
            "your 6-week check. The dose shown is a starting point that a physiotherapist "
            "can change to suit you. Keep breathing, and keep your bottom, thighs and "
            "tummy relaxed. If you cannot feel the muscles working, ask a physiotherapist "
            "to check."
        ),
        "stop_if": (
            "Stop if pain shoots down your leg, numbness or tingling gets worse, or you "
            "have bleeding or pelvic pain. Also stop if the squeezes themselves hurt."
        ),
        "dose_kind": "hold",
        "hold_seconds": 10,
        "reps": 10,
        "sets": 1,
        "rest_seconds": 10,
        "rest_between_sets_seconds": 0,
        "each_side": False,
        "duration_minutes": None,
        "needs_caesarean_clearance": False,
        "not_first_six_weeks": False,
        "illustration_alt": (
            "A woman sitting upright on a chair with her feet flat on the floor, "
            "breathing calmly as she squeezes her pelvic floor muscles."
        ),
        "references": [
            {
                "title": "Pelvic floor exercises",
                "publisher": "Wirral Community Health and Care NHS Foundation Trust",
                "url": "https://wchc.nhs.uk/services/pelvic-health/pelvic-floor-exercises",
                "accessed": "2026-11-29",
            },
            {
                "title": "Pelvic floor dysfunction (PubMed record 35536671)",
                "publisher": "PubMed, US National Library of Medicine",
                "url": "https://pubmed.ncbi.nlm.nih.gov/35536671/",
                "accessed": "2026-11-29",
            },
        ],
    },
    {
        "slug": "bridge",
        "name": "Bridge",
        "category": "strengthening",
        "order": 5,
        "summary": "Lifting your hips from the floor to strengthen the muscles of your bottom and lower back.",
        "difficulty": "gentle",
        "steps": [
            "Lie on your back with both knees bent and your feet flat, hip-width apart.",
            "Rest your arms by your sides.",
            "As you breathe out, gently tighten your tummy and pelvic floor.",
            "Push through your heels to lift your hips off the floor.",
            "Hold, keeping your hips level and breathing normally.",
            "Lower your hips slowly back to the floor.",
        ],
        "why_it_helps": (
            "The bridge works the muscles in your bottom and lower back. These muscles "
            "help support your pelvis. Strengthening them is a key part of physiotherapy "
            "for sciatica."
        ),
        "precautions": (
            "Check with your midwife, GP or physiotherapist before you start, often at "
            "your 6-week check. The dose shown is a starting point that a physiotherapist "
            "can change to suit you. Start with 5 lifts in each set and build up to 10 "
            "over time as it gets easier, lifting only as high as feels comfortable without "
            "arching your back."
        ),
        "stop_if": (
            "Stop if pain shoots down your leg, numbness or tingling gets worse, or you "
            "have bleeding or pelvic pain. Also stop if your lower back hurts as you lift."
        ),
        "dose_kind": "hold",
        "hold_seconds": 5,
        "reps": 5,
        "sets": 2,
        "rest_seconds": 5,
        "rest_between_sets_seconds": 30,
        "each_side": False,
        "duration_minutes": None,
        "needs_caesarean_clearance": False,
        "not_first_six_weeks": False,
        "illustration_alt": (
            "A woman lying on her back with knees bent and feet flat, her hips lifted "
            "so her body makes a straight line from shoulders to knees."
        ),
        "references": [
            {
                "title": "Sciatica exercises",
                "publisher": "Sports Injury Clinic",
                "url": "http://sportsinjuryclinic.net/sport-injuries/low-back-pain/sciatica/sciatica-exercises",
                "accessed": "2026-11-29",
            },
        ],
    },
    {
        "slug": "modified-plank",
        "name": "Modified plank",
        "category": "strengthening",
        "order": 6,
        "summary": "A gentler plank on your knees and forearms, to build tummy and back strength with less load on your pelvic floor.",
        "difficulty": "moderate",
        "steps": [
            "Kneel on a mat and place your forearms on the floor under your shoulders.",
            "Walk your knees back until your body makes a straight line from head to knees.",
            "Keep your knees on the mat.",
            "Gently tighten your pelvic floor and tummy.",
            "Hold, and keep breathing normally.",
            "Lower your hips and rest.",
        ],
        "why_it_helps": (
            "This builds strength in the muscles of your tummy and back, which support "
            "your lower back and pelvis. Pelvic Floor First says a full plank is not "
            "advised if you have pelvic floor problems. Keeping your knees down and the "
            "hold short makes it gentler."
        ),
        "precautions": (
            "Do not do this in the first 6 weeks after birth, and after a caesarean wait "
            "until you have been cleared. Check with your midwife, GP or physiotherapist "
            "before you start, often at your 6-week check. The dose shown is a starting "
            "point that a physiotherapist can change to suit you. Do not move on to a full "
            "plank on your toes unless a physiotherapist says it is right for you."
        ),
        "stop_if": (
            "Stop if pain shoots down your leg, numbness or tingling gets worse, or you "
            "have bleeding or pelvic pain. Also stop if you feel heaviness or pressure "
            "low down in your pelvis."
        ),
        "dose_kind": "hold",
        "hold_seconds": 10,
        "reps": 3,
        "sets": 1,
        "rest_seconds": 15,
        "rest_between_sets_seconds": 0,
        "each_side": False,
        "duration_minutes": None,
        "needs_caesarean_clearance": True,
        "not_first_six_weeks": True,
        "illustration_alt": (
            "A woman resting on her forearms and knees on a mat, her back straight "
            "from her head to her knees."
        ),
        "references": [
            {
                "title": "Modifying the plank",
                "publisher": "Pelvic Floor First",
                "url": "https://www.pelvicfloorfirst.org.au/pages/modifying-the-plank-.html",
                "accessed": "2026-11-29",
            },
            {
                "title": "Exercise after a caesarean",
                "publisher": "HSE (Health Service Executive, Ireland)",
                "url": "https://www2.hse.ie/pregnancy-birth/birth/health-after-birth/exercise-after-caesarean",
                "accessed": "2026-11-29",
            },
        ],
    },
    {
        "slug": "walking",
        "name": "Walking",
        "category": "low-impact",
        "order": 7,
        "summary": "A gentle way to get moving again, starting with short walks and building up slowly.",
        "difficulty": "gentle",
        "steps": [
            "Put on comfortable, supportive shoes.",
            "Start at an easy pace on flat ground.",
            "Stand tall and let your arms swing gently.",
            "Walk for the time shown, or less if you need to.",
            "Slow down for the last few minutes.",
            "Add a few minutes each time as it gets easier.",
        ],
        "why_it_helps": (
            "Walking keeps you active without jolting your back or pelvis. How active "
            "you are can affect how quickly sciatica improves. You can take your baby "
            "with you in a pram or sling."
        ),
        "precautions": (
            "Check with your midwife, GP or physiotherapist before you start, often at "
            "your 6-week check. Start with about 10 minutes and build up to 30 minutes; "
            "in the long run, aim for 150 minutes of moderate activity a week. These "
            "times are starting points that a physiotherapist can change to suit you."
        ),
        "stop_if": (
            "Stop if pain shoots down your leg, numbness or tingling gets worse, or you "
            "have bleeding or pelvic pain. Also stop if you feel dizzy or very out of breath."
        ),
        "dose_kind": "activity",
        "hold_seconds": None,
        "reps": None,
        "sets": None,
        "rest_seconds": None,
        "rest_between_sets_seconds": None,
        "each_side": False,
        "duration_minutes": 10,
        "needs_caesarean_clearance": False,
        "not_first_six_weeks": False,
        "illustration_alt": "A woman walking on a flat path, pushing a pram.",
        "references": [
            {
                "title": "Exercise after a caesarean",
                "publisher": "HSE (Health Service Executive, Ireland)",
                "url": "https://www2.hse.ie/pregnancy-birth/birth/health-after-birth/exercise-after-caesarean",
                "accessed": "2026-11-29",
            },
        ],
    },
    {
        "slug": "swimming",
        "name": "Swimming",
        "category": "low-impact",
        "order": 8,
        "summary": "Gentle swimming once you have healed, with the water taking some of your weight.",
        "difficulty": "moderate",
        "steps": [
            "Check that your bleeding has stopped and any wound has healed.",
            "Get into the pool slowly, using the steps.",
            "Warm up by walking or swimming slowly for a few minutes.",
            "Swim gentle lengths at an easy pace.",
            "Rest at the side of the pool when you need to.",
            "Climb out slowly and carefully.",
        ],
        "why_it_helps": (
            "The water takes some of your weight, so there is less load on your back "
            "and pelvis. It is a low-impact way to get fitter as you recover."
        ),
        "precautions": (
            "Only swim once your bleeding has stopped and any wound has healed, and not "
            "in the first 6 weeks. After a caesarean, do not swim until you have been "
            "cleared. Check with your midwife, GP or physiotherapist before you start, "
            "often at your 6-week check. The time shown is a starting point that a "
            "physiotherapist can change to suit you."
        ),
        "stop_if": (
            "Stop if pain shoots down your leg, numbness or tingling gets worse, or you "
            "have bleeding or pelvic pain. Also stop if you feel pain around a "
            "caesarean scar."
        ),
        "dose_kind": "activity",
        "hold_seconds": None,
        "reps": None,
        "sets": None,
        "rest_seconds": None,
        "rest_between_sets_seconds": None,
        "each_side": False,
        "duration_minutes": 10,
        "needs_caesarean_clearance": True,
        "not_first_six_weeks": True,
        "illustration_alt": "A woman swimming slowly in a calm indoor pool.",
        "references": [
            {
                "title": "Exercise after a caesarean",
                "publisher": "HSE (Health Service Executive, Ireland)",
                "url": "https://www2.hse.ie/pregnancy-birth/birth/health-after-birth/exercise-after-caesarean",
                "accessed": "2026-11-29",
            },
        ],
    },
    {
        "slug": "elliptical-trainer",
        "name": "Elliptical trainer",
        "category": "low-impact",
        "order": 9,
        "summary": "A smooth stepping machine that works your legs without jolting, starting with a low resistance.",
        "difficulty": "moderate",
        "steps": [
            "Set the machine to a low resistance.",
            "Step on carefully and hold the handles.",
            "Start moving your legs in a slow, smooth rhythm.",
            "Keep your back straight and your shoulders relaxed.",
            "Keep going at an easy pace for the time shown.",
            "Slow down gradually before you step off.",
        ],
        "why_it_helps": (
            "The smooth movement works your legs without jolting your back or pelvis. "
            "It is a low-impact way to build up your fitness as you recover."
        ),
        "precautions": (
            "Check with your midwife, GP or physiotherapist before you start, often at "
            "your 6-week check. After a caesarean, wait until you have been cleared. "
            "Keep the resistance low at first. The time shown is a starting point that "
            "a physiotherapist can change to suit you."
        ),
        "stop_if": (
            "Stop if pain shoots down your leg, numbness or tingling gets worse, or you "
            "have bleeding or pelvic pain. Also stop if you feel pain around a "
            "caesarean scar."
        ),
        "dose_kind": "activity",
        "hold_seconds": None,
        "reps": None,
        "sets": None,
        "rest_seconds": None,
        "rest_between_sets_seconds": None,
        "each_side": False,
        "duration_minutes": 10,
        "needs_caesarean_clearance": True,
        "not_first_six_weeks": False,
        "illustration_alt": (
            "A woman using an elliptical trainer at an easy pace, holding the handles."
        ),
        "references": [
            {
                "title": "Exercise after a caesarean",
                "publisher": "HSE (Health Service Executive, Ireland)",
                "url": "https://www2.hse.ie/pregnancy-birth/birth/health-after-birth/exercise-after-caesarean",
                "accessed": "2026-11-29",
            },
        ],
    },
]

# Routines: exercises played one after another by the timer. Empty overrides use the
# exercise's own dose. Like every dose here, they are starting points for a physiotherapist.
ROUTINES = [
    {
        "slug": "gentle-stretch",
        "name": "Gentle stretch",
        "order": 1,
        "summary": "Three gentle stretches for the lower back, hips and legs, lying down.",
        "description": (
            "A calm start for most days. You do all three lying on your back, so you can do them "
            "on the floor or on a firm bed. Go slowly and never bounce."
        ),
        "rest_between_seconds": 20,
        "items": [
            {"exercise": "pelvic-tilt"},
            {"exercise": "hamstring-stretch"},
            {"exercise": "piriformis-stretch"},
        ],
    },
    {
        "slug": "strength-basics",
        "name": "Strength basics",
        "order": 2,
        "summary": "Pelvic floor, bridge and a knees-down plank to build support for your back.",
        "description": (
            "For when the gentle stretches feel easy. Skip the plank until your midwife, GP or "
            "physiotherapist says it is OK, and always after a caesarean until you are cleared."
        ),
        "rest_between_seconds": 30,
        "items": [
            {"exercise": "pelvic-floor-exercise"},
            {"exercise": "bridge"},
            {"exercise": "modified-plank"},
        ],
    },
    {
        "slug": "flare-up-relief",
        "name": "Quick relief for a flare-up",
        "order": 3,
        "summary": "Two short, gentle moves for a bad moment. About four minutes.",
        "description": (
            "When the pain flares, move gently rather than not at all, if it feels OK. Stop if the "
            "pain shoots down your leg or gets worse, and read when to get help."
        ),
        "rest_between_seconds": 15,
        "items": [
            {"exercise": "pelvic-tilt", "reps": 5, "sets": 1},
            {"exercise": "piriformis-stretch", "reps": 2},
        ],
    },
]
