"""Starting content for the articles app: seven plain-English articles.

Pure data, no Django code. A loader turns each dict into an Article with its
tags and references. Every fact comes from /work/shared/content-facts.md and
is cited in the article's "references" list. Bodies are Markdown: "## "
headings make the contents list, and care cards use the admonition syntax
("!!! emergency|urgent|info" then indented text). Doses mentioned here are
starting points that a physiotherapist confirms or changes in the admin.
"""

ARTICLES = [
    {
        "slug": "what-is-postpartum-sciatica",
        "title": "What is postpartum sciatica?",
        "summary": (
            "Postpartum sciatica is nerve pain in your back, bottom and leg after "
            "having a baby, and this page explains what can cause it."
        ),
        "body": """\
Postpartum sciatica is pain along the sciatic nerve that starts, or carries on, after you have a baby. "Postpartum" simply means "after birth". If you have this pain, you are not alone. It often gets better with time and the right care.

## What sciatica is

The sciatic nerve runs from your lower back, through your hip and bottom, and down your leg. Sciatica is pain along this path.

It can feel sharp or shooting. Some women also feel numbness or tingling. You can read more about [the symptoms of postpartum sciatica](/articles/symptoms-of-postpartum-sciatica/).

## Why it can happen after birth

Pregnancy and birth ask a lot of your body. A few things can play a part:

- **Extra load in pregnancy.** Carrying your baby puts strain on your lower back and pelvis.
- **Hormone changes.** Pregnancy hormones make the bands that hold your joints together (ligaments) looser. This means your joints are held less firmly.
- **Labour.** The hard work of labour and birth can strain your back and pelvis too.

Lancaster General Health says many women have sciatica flare-ups while they are pregnant. For some, the pain carries on after the baby is born.

## How it is different from other sciatica

Anyone can get sciatica. Postpartum sciatica is different because it is tied to the stresses of pregnancy and birth.

That is why the care that helps often focuses on the muscles that support your lower back and pelvis. You can read about this in [treatment options](/articles/treatment-options/).

## The pelvic floor link

Your pelvic floor is a group of muscles at the base of your pelvis. They help you control your bladder and bowel.

When these muscles do not work as well as they should, it is called pelvic floor dysfunction. It can make sciatica worse. Research listed on PubMed says it affects about 1 in 4 women in the US. It is more likely after a difficult birth.

Gentle [pelvic floor exercises](/exercises/pelvic-floor-exercise/) can help these muscles get stronger. Check with your midwife, GP or physiotherapist before you start.

!!! info "Good to know"
    Sciatica after birth often improves over a few weeks to a few months. Read [does postpartum sciatica go away?](/articles/does-postpartum-sciatica-go-away/) to find out more.

## When to get help

Some signs mean you need help straight away. Read [when to get help](/articles/when-to-get-help/) so you know what to look out for.

!!! emergency "Call 999 or go to A&E"
    Go to A&E or call 999 (or your local emergency number) if you have:

    - sciatica in both legs
    - weakness or numbness in both legs that is bad or getting worse
    - numbness around your genitals or bottom
    - new trouble starting or controlling your pee or poo, or new leaking
""",
        "tags": ["Basics"],
        "references": [
            {
                "title": "Sciatic nerve pain during pregnancy",
                "publisher": "Lancaster General Health",
                "url": "https://www.lancastergeneralhealth.org/health-hub-home/motherhood/your-pregnancy/sciatic-nerve-pain-during-pregnancy",
                "accessed": "2026-11-29",
            },
            {
                "title": "Pelvic floor dysfunction (PubMed record 35536671)",
                "publisher": "PubMed, US National Library of Medicine",
                "url": "https://pubmed.ncbi.nlm.nih.gov/35536671/",
                "accessed": "2026-11-29",
            },
            {
                "title": "Sciatica",
                "publisher": "NHS 111 Wales",
                "url": "http://111.wales.nhs.uk/encyclopaedia/s/article/sciatica/",
                "accessed": "2026-11-29",
            },
        ],
        "order": 1,
    },
    {
        "slug": "symptoms-of-postpartum-sciatica",
        "title": "Symptoms of postpartum sciatica",
        "summary": (
            "Sharp pain, numbness, tingling or weakness in your back, hips or legs "
            "can be signs of sciatica after birth."
        ),
        "body": """\
Postpartum sciatica can feel different for each woman. Some have a mild ache that comes and goes. Others have strong pain that makes it hard to move. Knowing the signs can help you explain what you feel to your midwife, GP or physiotherapist.

## Common symptoms

You may have one or more of these:

- sharp or shooting pain in your lower back, hips or legs
- numbness or tingling in your legs or feet
- weakness in the leg that hurts

## What can make it worse

The pain often gets worse when you sit, stand or walk. Some movements or positions can set it off.

The pain may be there all the time. Or it may come and go.

## How bad it is and how long it lasts

Symptoms vary a lot from one woman to the next. The pain can be mild or severe. It can last for days, weeks or months.

This can feel hard when you are also looking after a baby. Be kind to yourself. Sciatica after birth often improves as your body heals. Read [does postpartum sciatica go away?](/articles/does-postpartum-sciatica-go-away/) to learn more.

## Keep a simple note

It can help to jot down when the pain is worse and what you were doing. A few words on your phone is enough. Share your notes with your GP or physiotherapist. This can help them find the right care for you.

You can also read about [treatment options](/articles/treatment-options/) and [exercises for relief](/articles/exercises-for-relief/).

## When symptoms need help

!!! urgent "See a GP soon"
    Make an appointment with your GP if your pain:

    - is not getting better after a few weeks
    - is getting worse
    - stops you doing everyday things or caring for your baby

!!! emergency "Call 999 or go to A&E"
    Go to A&E or call 999 (or your local emergency number) if you have:

    - sciatica in both legs
    - weakness or numbness in both legs that is bad or getting worse
    - numbness around your genitals or bottom
    - new trouble starting or controlling your pee or poo, or new leaking

There is more on our [when to get help](/articles/when-to-get-help/) page.
""",
        "tags": ["Symptoms", "Basics"],
        "references": [
            {
                "title": "Sciatica",
                "publisher": "NHS 111 Wales",
                "url": "http://111.wales.nhs.uk/encyclopaedia/s/article/sciatica/",
                "accessed": "2026-11-29",
            },
        ],
        "order": 2,
    },
    {
        "slug": "does-postpartum-sciatica-go-away",
        "title": "Does postpartum sciatica go away?",
        "summary": (
            "Postpartum sciatica often gets better over a few weeks to a few months, "
            "and there is a lot you can do to help."
        ),
        "body": """\
If you have sciatica after having your baby, you may wonder how long it will last. The good news is that it often improves as your body heals. There is no fixed timeline, but there are things you can do to help.

## How long it may take

Postpartum sciatica often gets better over a few weeks to a few months.

The NHS says sciatica in general usually improves in 4 to 6 weeks. Some women feel better sooner. For others, it takes longer.

## Most people get better without surgery

Harvard Health says more than 90 out of every 100 people with sciatica recover without an operation. Surgery is only for severe cases, when other treatments have not worked.

## What affects recovery

How fast you get better can depend on:

- your general health
- how active you are
- how well your pain is managed

This means the small things you do each day can make a difference.

## Ways to help your recovery

- **Rest when you need to.** Try to avoid things that strain your back.
- **Try heat or cold.** A warm pack or a cold pack on the sore area can ease pain.
- **Move gently.** Once your midwife, GP or physiotherapist says it is OK, try the [exercises for relief](/articles/exercises-for-relief/).
- **Ask about physiotherapy.** A physiotherapist can give you exercises that suit you.

You can read more in [treatment options](/articles/treatment-options/).

!!! info "Be kind to yourself"
    Caring for a new baby is tiring, and healing takes time. Some days will feel better than others. That is normal. Small steps still count.

## If it is not getting better

!!! urgent "See a GP soon"
    Make an appointment with your GP if your pain:

    - is not getting better after a few weeks
    - is getting worse
    - stops you doing everyday things or caring for your baby

Some signs mean you need help straight away, such as sciatica in both legs or numbness around your genitals or bottom. Read [when to get help](/articles/when-to-get-help/) for the full list.
""",
        "tags": ["Recovery"],
        "references": [
            {
                "title": "Sciatica",
                "publisher": "NHS 111 Wales",
                "url": "http://111.wales.nhs.uk/encyclopaedia/s/article/sciatica/",
                "accessed": "2026-11-29",
            },
            {
                "title": "Sciatica: home remedies and self-care",
                "publisher": "Harvard Health Publishing",
                "url": "https://www.health.harvard.edu/pain/sciatica-home-remedies-and-self-care",
                "accessed": "2026-11-29",
            },
        ],
        "order": 3,
    },
    {
        "slug": "treatment-options",
        "title": "Treatment options",
        "summary": (
            "Self-care, physiotherapy, medicines and other options that can help "
            "ease sciatica after birth, with advice if you are breastfeeding."
        ),
        "body": """\
There are several ways to ease postpartum sciatica. Most women start with simple self-care at home. Your GP or physiotherapist can help you choose what suits you. Treatment can help, but it may take a little time to feel the difference.

## Self-care at home

- **Rest.** Rest when the pain is bad. Try to avoid activities that strain your back.
- **Heat or cold.** A warm pack or a cold pack on the sore area can ease the pain. Wrap it in a towel so it does not hurt your skin.
- **Gentle exercise.** When you are ready, gentle stretches can help. See [exercises for relief](/articles/exercises-for-relief/).

## Physiotherapy

A physiotherapist (physio) is an expert in how the body moves. They can show you exercises to strengthen the muscles that support your lower back and pelvis. This can help ease pain and help you move more easily.

A physio can also check your doses. The doses in our exercise guides are only starting points. Your physio can change them to suit you.

Ask your GP or midwife about seeing a physio.

## Medicines

A doctor may suggest anti-inflammatory painkillers, called NSAIDs for short. Always follow the advice of your doctor or pharmacist.

!!! info "If you are breastfeeding"
    Ask a pharmacist or doctor which medicines are safe for you and your baby before you take anything. This includes medicines you buy without a prescription.

## Other treatments

Some people also try:

- **Manual therapy.** A trained therapist uses their hands to move or press on your muscles and joints.
- **Acupuncture.** Very thin needles are placed in the skin.

Ask your GP or physio if these might suit you.

## Surgery

Surgery is only for severe cases, when other treatments have not worked. It is rarely needed. Harvard Health says more than 90 out of every 100 people with sciatica get better without surgery.

## When to get more help

!!! urgent "See a GP soon"
    Make an appointment with your GP if your pain:

    - is not getting better after a few weeks
    - is getting worse
    - stops you doing everyday things or caring for your baby

Some signs mean you need help straight away. Read [when to get help](/articles/when-to-get-help/) so you know what they are.
""",
        "tags": ["Treatment"],
        "references": [
            {
                "title": "Sciatica: home remedies and self-care",
                "publisher": "Harvard Health Publishing",
                "url": "https://www.health.harvard.edu/pain/sciatica-home-remedies-and-self-care",
                "accessed": "2026-11-29",
            },
            {
                "title": "Sciatica",
                "publisher": "NHS 111 Wales",
                "url": "http://111.wales.nhs.uk/encyclopaedia/s/article/sciatica/",
                "accessed": "2026-11-29",
            },
        ],
        "order": 4,
    },
    {
        "slug": "exercises-for-relief",
        "title": "Exercises for relief",
        "summary": (
            "Gentle stretches, strengthening moves and low-impact activity can help "
            "ease sciatica after birth, if you start slowly and safely."
        ),
        "body": """\
Gentle exercise can help ease sciatica after birth. It can also help your back, pelvis and pelvic floor get stronger. Our [exercise library](/exercises/) has step-by-step guides for nine exercises. Start slowly, and do what feels right for you.

## Before you start

Check with your midwife, GP or physiotherapist before you begin. Many women ask at their 6-week check.

If you had a caesarean or a difficult birth, some exercises need to wait. Read [after a caesarean or difficult birth](/articles/after-a-caesarean-or-difficult-birth/) first.

## Stretches

Stretches can ease tight muscles around your back, hips and legs. Stretch gently and never bounce. Sports Injury Clinic suggests holding a stretch for 20 to 30 seconds and then repeating it.

- [Hamstring stretch](/exercises/hamstring-stretch/): for the back of your thigh.
- [Pelvic tilt](/exercises/pelvic-tilt/): a small rocking of your pelvis while you lie on your back.
- [Piriformis stretch](/exercises/piriformis-stretch/): for a muscle deep in your bottom.

## Strengthening

These build up the muscles that support your lower back and pelvis.

- [Pelvic floor exercise](/exercises/pelvic-floor-exercise/): slow and quick squeezes, 3 times a day.
- [Bridge](/exercises/bridge/): lifting your hips from the floor.
- [Modified plank](/exercises/modified-plank/): a gentler plank on your knees. Pelvic Floor First says a full plank is not advised if you have pelvic floor problems. Do not do this one in the first 6 weeks. After a caesarean, wait until you are cleared.

## Low-impact activity

These get you moving without jolting your body.

- [Walking](/exercises/walking/): start with about 10 minutes and build up to 30. In the long run, aim for 150 minutes of moderate activity a week.
- [Swimming](/exercises/swimming/): only once your bleeding has stopped and any wound has healed. After a caesarean, wait until you are cleared.
- [Elliptical trainer](/exercises/elliptical-trainer/): start with a low resistance. After a caesarean, wait until you are cleared.

## How much to do

Each exercise page shows a starting dose. This might be how long to hold, how many times to repeat, or how many minutes to do.

These doses are starting points only. A physiotherapist can change them to suit you. Build up slowly. It is fine to do less on a hard day.

## When to stop

Stop the exercise if:

- pain shoots down your leg
- numbness or tingling gets worse
- you have bleeding or pelvic pain

If these signs do not settle, contact your GP or physiotherapist. Some signs need help straight away. Read [when to get help](/articles/when-to-get-help/) so you know what they are.
""",
        "tags": ["Exercise", "Safety"],
        "references": [
            {
                "title": "Sciatica exercises",
                "publisher": "Sports Injury Clinic",
                "url": "http://sportsinjuryclinic.net/sport-injuries/low-back-pain/sciatica/sciatica-exercises",
                "accessed": "2026-11-29",
            },
            {
                "title": "Pelvic floor exercises",
                "publisher": "Wirral Community Health and Care NHS Foundation Trust",
                "url": "https://wchc.nhs.uk/services/pelvic-health/pelvic-floor-exercises",
                "accessed": "2026-11-29",
            },
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
        "order": 5,
    },
    {
        "slug": "after-a-caesarean-or-difficult-birth",
        "title": "After a caesarean or difficult birth",
        "summary": (
            "A caesarean or a difficult birth can mean waiting longer before some "
            "exercises, so here is how to move safely while you heal."
        ),
        "body": """\
If you had a caesarean or a difficult birth, your body has more healing to do. It does not mean you cannot get better. It means taking things a bit slower, and getting the all-clear before some exercises.

## The first 6 weeks after a caesarean

A caesarean is a major operation. The HSE, Ireland's health service, says that for at least 6 weeks you should:

- lift nothing heavier than your baby
- avoid hard, high-effort exercise

Short, gentle walks can be a good place to start. Check with your midwife or GP first.

## Healing takes time

Your scar takes about 12 weeks to heal. The HSE says to wait about 3 to 4 months before high-effort activity, such as running.

Wait to go swimming until you have been cleared. Swimming should also wait until your bleeding has stopped and your wound has healed.

## After a difficult birth

A difficult birth makes pelvic floor problems more likely. Pelvic floor problems can make sciatica worse.

Gentle [pelvic floor exercises](/exercises/pelvic-floor-exercise/) can help these muscles get stronger. A physiotherapist can check that you are doing them the right way.

## Planks and your pelvic floor

Pelvic Floor First says a full plank is not advised if you have pelvic floor problems. A [modified plank](/exercises/modified-plank/), with your knees down and a short hold, is a gentler choice. Do not do it in the first 6 weeks. After a caesarean, wait until you are cleared.

## Which exercises need the all-clear

In our [exercise library](/exercises/), look out for these labels:

- "Wait for clearance after a caesarean": the modified plank, swimming and the elliptical trainer.
- "Not in the first 6 weeks": the modified plank and swimming.

Even without a label, check with your midwife, GP or physiotherapist before you start any exercise. The doses shown are starting points that a physiotherapist can change. Read [exercises for relief](/articles/exercises-for-relief/) for more.

!!! info "Your 6-week check"
    Your 6-week check is a good time to ask which exercises are safe for you. You do not have to wait until then if you are worried.

!!! urgent "See a GP soon"
    Make an appointment with your GP if your pain is not getting better after a few weeks, is getting worse, or stops you caring for your baby.

Some signs need help straight away. Read [when to get help](/articles/when-to-get-help/) so you know what they are.
""",
        "tags": ["After a caesarean", "Recovery", "Safety"],
        "references": [
            {
                "title": "Exercise after a caesarean",
                "publisher": "HSE (Health Service Executive, Ireland)",
                "url": "https://www2.hse.ie/pregnancy-birth/birth/health-after-birth/exercise-after-caesarean",
                "accessed": "2026-11-29",
            },
            {
                "title": "Modifying the plank",
                "publisher": "Pelvic Floor First",
                "url": "https://www.pelvicfloorfirst.org.au/pages/modifying-the-plank-.html",
                "accessed": "2026-11-29",
            },
            {
                "title": "Pelvic floor dysfunction (PubMed record 35536671)",
                "publisher": "PubMed, US National Library of Medicine",
                "url": "https://pubmed.ncbi.nlm.nih.gov/35536671/",
                "accessed": "2026-11-29",
            },
        ],
        "order": 6,
    },
    {
        "slug": "when-to-get-help",
        "title": "When to get help",
        "summary": (
            "The warning signs that mean you need help straight away, when to see "
            "a GP, and when to stop an exercise."
        ),
        "body": """\
Most people with sciatica get better without surgery. But some signs mean you need help quickly. This page tells you what to look out for. Trust yourself. If something feels wrong, ask for help.

## Get help straight away

The NHS says these signs need urgent care. Do not wait to see if they pass.

!!! emergency "Call 999 or go to A&E"
    Go to A&E or call 999 (or your local emergency number) if you have:

    - sciatica in both legs
    - weakness or numbness in both legs that is bad or getting worse
    - numbness around your genitals or bottom
    - new trouble starting or controlling your pee or poo, or new leaking

## See a GP soon

!!! urgent "See a GP soon"
    Make an appointment with your GP if your pain:

    - is not getting better after a few weeks
    - is getting worse
    - stops you doing everyday things or caring for your baby

## Stopping an exercise

!!! info "When to stop an exercise"
    Stop straight away if:

    - pain shoots down your leg
    - numbness or tingling gets worse
    - you have bleeding or pelvic pain

    Rest, and tell your GP or physiotherapist before you try it again.

## If you are not sure

It is always OK to ask. You can talk to your midwife, GP or physiotherapist about any worry, big or small. You are not wasting anyone's time.
""",
        "tags": ["Safety"],
        "references": [
            {
                "title": "Sciatica",
                "publisher": "NHS 111 Wales",
                "url": "http://111.wales.nhs.uk/encyclopaedia/s/article/sciatica/",
                "accessed": "2026-11-29",
            },
            {
                "title": "Sciatica: home remedies and self-care",
                "publisher": "Harvard Health Publishing",
                "url": "https://www.health.harvard.edu/pain/sciatica-home-remedies-and-self-care",
                "accessed": "2026-11-29",
            },
        ],
        "order": 7,
    },
]
