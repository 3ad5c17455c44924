from newsfuse.clean.boilerplate import classify_lines, pattern_reason
from newsfuse.clean.lines import split_lines
from newsfuse.clean.patterns import LINE_PATTERNS
from newsfuse.settings import Settings

from ..conftest import ROOT, cleaned


def reasons_by_line(raw: str, **kw) -> dict[str, str | None]:
    lines = split_lines(raw)
    return {line.text: reason for line, reason in zip(lines, classify_lines(lines, **kw), strict=True)}


def test_empty_input_gives_nothing():
    assert cleaned("") == []
    assert classify_lines([]) == []


def test_one_document_named_chrome_and_reporting():
    raw = (
        "Bridge to close for repairs\n\n- Advertisement -\n\nThe Kessler Street Bridge will close for eight months"
        " starting on Monday, county engineers said.\n\n“No,” she said.\n\nThe vote was 5-2.\n\nShare\n\nFacebook"
        "\n\nWe use cookies to improve your experience. By continuing to browse, you agree.\n\nLeave a Comment\n"
    )
    reasons = reasons_by_line(raw)
    assert reasons["Bridge to close for repairs"] == "metadata:title"
    assert reasons["- Advertisement -"] == "boilerplate:advertisement"
    assert reasons["Share"] == reasons["Facebook"] == "boilerplate:share-widget"
    assert reasons["We use cookies to improve your experience. By continuing to browse, you agree."].endswith(
        "cookie-notice"
    )
    assert reasons["Leave a Comment"] == "boilerplate:comment-form"
    for kept in ("“No,” she said.", "The vote was 5-2."):
        assert reasons[kept] is None


def test_embed_follow_and_subscribe_widgets_are_named():
    raw = (
        "The ferry to Gullholm will run again from Friday, the harbour office said on Wednesday morning.\n\n"
        "When you tweet with a location, Twitter stores that location. You always have the option to delete"
        " your Tweet location history.\n\nFollow the Harbour Desk on Twitter and Facebook!\n\n"
        "Subscribe to our channel for more stories from the coast.\n\n"
        "NOTE: We only request your email address so that the person you are recommending the page to knows"
        " that you wanted them to see it.\n\nMedia playback is unsupported on your device"
        "\n\nRepairs to the pier took three weeks, the office said.\n"
    )
    reasons = reasons_by_line(raw)
    assert reasons["Follow the Harbour Desk on Twitter and Facebook!"] == "boilerplate:follow-us"
    assert reasons["Subscribe to our channel for more stories from the coast."] == "boilerplate:newsletter"
    embeds = [text for text, reason in reasons.items() if reason == "boilerplate:embed"]
    assert len(embeds) == 3
    assert reasons["Repairs to the pier took three weeks, the office said."] is None


def test_appeals_to_the_reader_are_chrome_but_news_about_signing_up_is_not():
    assert pattern_reason("We may earn a commission when you buy through links on our site.")
    assert pattern_reason("No spam. Unsubscribe anytime.")
    assert pattern_reason("Support local journalism. Subscribe today for $1 a week.")
    assert pattern_reason("Listen to our festival playlist on Spotify")
    assert pattern_reason("[ad]")
    assert pattern_reason("This article is licensed under Creative Commons (CC BY-ND 4.0).")
    assert pattern_reason("Our Standards: The Meridian Wire Trust Principles.")
    assert pattern_reason("Wren Halloway is The Lantern's music critic. Instagram: @wrenhears")
    assert pattern_reason("Get the Ledger's morning briefing in your inbox. Sign up now")
    assert not pattern_reason(
        "Residents can subscribe to emergency text alerts from the county by texting FIRE."
    )
    assert not pattern_reason(
        "The company said it would earn a commission on every sale made by its partners."
    )


def test_consent_paywall_and_live_blog_notices_are_chrome_but_reporting_on_them_is_not():
    chrome = [
        "Quayside Daily uses cookies for sign-in, personalisation and ads. Keep browsing to accept.",
        "By using this site you accept our updated Terms of Use and Privacy Policy. Close ✕",
        "Let us know you agree to cookies",
        "This article is free to read. Register to unlock three premium articles a month.",
        "The Lantern's journalism is free to read because readers choose to support it.",
        "Comments on this live blog have been switched off.",
        "This blog is now closed. Thank you for following our coverage.",
        "Sign up to the Quayside Weekender email for the best days out",
        "Email address   [Sign up]",
        "Sponsored · Stream every festival short free for 30 days. Start trial",
        "Video player is loading.",
        "▶ WATCH: Crews lift the stranded barge off the sandbank (2:14)",
        'This article appears in the 3 May 2032 issue under the headline "Low tide"',
        "WEATHER: Showers, high 51, low 40. Full forecast, B8",
        "My Account   Register   Sign In",
    ]
    assert [text for text in chrome if not pattern_reason(text)] == []
    assert not pattern_reason(
        "The council said the website uses cookies only to count visitors to its pages."
    )
    assert not pattern_reason("Weather forecasters expect showers over the harbour through the weekend.")


def test_a_date_label_needs_its_colon():
    assert pattern_reason("Date: 7 Aug 2033") == ("boilerplate:timestamp", False)
    assert pattern_reason("Date of the next hearing was not set.") is None


def test_nonprofit_appeals_and_republishing_notes_are_chrome():
    assert pattern_reason(
        "The Tribune is a nonprofit newsroom. If reporting like this matters to you, donate."
    )
    assert pattern_reason("Republish this article for free under our Creative Commons license.")
    assert not pattern_reason("The clinic is a nonprofit run by volunteers, the council said on Monday.")


def test_a_credit_at_the_end_of_a_line_makes_it_a_caption():
    credited = "Students leave the school on Tuesday afternoon. Staff photo by Marcus Feeney"
    report = "The state voided the scores of 340 students after answers leaked, officials said on Monday."
    reasons = reasons_by_line(f"School exams voided\n\n{report}\n\n{credited}\n\n{report[:-1]} again.\n")
    assert reasons[credited] == "caption:photo"


def test_a_paragraph_before_a_picture_credit_is_no_caption_when_it_reports():
    report = (
        "The company showed the device at a small event in a converted warehouse in Oakport, where executives"
        " said it would go on sale in eleven countries."
    )
    caption = "The new phone on display in Oakport on Tuesday"
    reasons = reasons_by_line(
        f"Phone launch draws crowds\n\n{report}\n\nImage: Lumora\n\nIt costs $649, the company said on Tuesday."
        f"\n\n{caption}\n\nPhoto: Lumora\n\nIt ships in December, the company said.\n"
    )
    assert reasons[report] is None and reasons[caption] == "caption:photo"


def test_a_list_of_the_articles_own_stays_where_related_headlines_go():
    report = "The recall covers three models sold since 2029, the commission said on Tuesday."
    items = [
        "Model TP-1700, sold in white",
        "Model TP-1750, sold in brushed steel",
        "• Refunds are paid in full",
    ]
    related = ["Kettle prices climb again this winter", "Why appliance recalls take so long"]
    raw = "\n\n".join(
        ["Kettle recall widens", report, *items, report.replace("three", "all"), *related, report[:-1] + "!"]
    )
    reasons = reasons_by_line(raw + "\n")
    assert all(reasons[item] is None for item in items)
    assert all(reasons[headline] == "structure:headline-list" for headline in related)


def test_a_web_archive_notice_is_named_but_reporting_about_the_archive_stays():
    raw = (
        "These crawls are part of an effort to archive pages as they are created and archive the pages that"
        " they refer to.\n\nStarting in 1996, a partner has been donating their crawl data to the Internet"
        " Archive, where it is added to the Wayback Machine after an embargo period.\n\n"
        "The Internet Archive said on Monday that the harbour office's old pages would stay online.\n"
    )
    reasons = reasons_by_line(raw)
    notices = [text for text, reason in reasons.items() if reason == "boilerplate:archive-notice"]
    assert len(notices) == 2
    assert (
        reasons["The Internet Archive said on Monday that the harbour office's old pages would stay online."]
        is None
    )
    [doc] = cleaned(
        "=== a.txt\nThese crawls are part of an effort to archive pages as they are created.\n\n"
        'Crawls of supported "No More 404" sites.\n'
    )
    assert doc.rejected == "no text left after removing site chrome (boilerplate:archive-notice)"


def test_structure_catches_chrome_no_pattern_names():
    raw = (
        "Storm cuts power to thousands\n\nZorblat Premium Picks\n\nThe storm brought down trees across the county on"
        " Monday night, leaving 40,000 homes without power, the utility said.\n\nCrews worked through the night to"
        " restore lines, and most homes had power again by Tuesday evening, officials said.\n\nWhere the Winds Go"
        " Next\n\nCouncil Approves New Sea Wall\n\nFerry Service Cancelled Until Spring\n"
    )
    reasons = reasons_by_line(raw)
    assert reasons["Zorblat Premium Picks"] == "structure:outside-article"
    assert reasons["Council Approves New Sea Wall"] == "structure:outside-article"
    assert reasons["Where the Winds Go Next"] == "structure:outside-article"


def test_headline_runs_inside_the_article_and_subheads():
    raw = (
        "Title of the story here\n\nThe first paragraph reports what happened on Monday in great detail, said the"
        " police.\n\nWhat comes next\n\nThe second paragraph has more of the reporting and it ends like a sentence"
        " does.\n\nHospital Opens New Wing\n\nMayor Unveils Budget Plan\n\nThe last paragraph closes the story with"
        " a quote from the chief, who said it was over.\n"
    )
    reasons = reasons_by_line(raw)
    assert reasons["What comes next"] == "structure:subhead"
    assert (
        reasons["Hospital Opens New Wing"]
        == reasons["Mayor Unveils Budget Plan"]
        == "structure:headline-list"
    )


def test_everything_after_an_end_marker_goes_unless_reporting_resumes():
    body = "The council voted on Tuesday to approve the plan after a long debate, the clerk said.\n\n" * 3
    raw = (
        body
        + "Check Also\n\nMall to add stores\n\nThe owners say the expansion will create jobs next spring …\n"
    )
    reasons = reasons_by_line(raw)
    assert reasons["Check Also"] == "boilerplate:related"
    assert reasons["Mall to add stores"] == "structure:after-article-end"
    assert (
        reasons["The owners say the expansion will create jobs next spring …"]
        == "structure:after-article-end"
    )


def test_captions_next_to_credits_and_with_position_cues():
    raw = (
        "Officials meet in Geneva\n\nA man walks past a screen showing the talks.\n\nJane Roe | Agency Photos\n\n"
        "The talks began on Monday and lasted seven hours, diplomats said afterwards.\n\nThe minister, left, and"
        " the envoy, right, arrive for the talks in Geneva on January 10, 2022.\n\nThe talks ended without a deal,"
        " both sides said on Tuesday.\n"
    )
    reasons = reasons_by_line(raw)
    assert reasons["A man walks past a screen showing the talks."] == "caption:photo"
    assert reasons["Jane Roe | Agency Photos"] == "boilerplate:photo-credit"
    assert reasons[
        "The minister, left, and the envoy, right, arrive for the talks in Geneva on January 10, 2022."
    ] == ("caption:photo")
    assert reasons["The talks began on Monday and lasted seven hours, diplomats said afterwards."] is None


def test_the_headline_is_the_line_about_the_story_not_a_tagline_or_a_promotion():
    raw = (
        "Quayside Daily\n\nYour harbour, all in one place\n\n🔴 LIVE: Regatta finals – follow every race\n\n"
        "Posted in Harbour, Council\n\nBarge stranded on Kelp Sands refloated on the morning tide\n\n"
        "by Ines Marrow\n\n"
        "Salvage crews refloated the grain barge stranded on Kelp Sands on Thursday, the harbour office said.\n\n"
        "The barge had been stuck on the sands for two days after its engine failed in a gale.\n"
    )
    lines = split_lines(raw)
    titles = [
        line.text
        for line, reason in zip(lines, classify_lines(lines), strict=True)
        if reason == "metadata:title"
    ]
    assert titles == ["Barge stranded on Kelp Sands refloated on the morning tide"]


def test_repeated_headline_and_known_title():
    raw = "Fire out at last\n\nFire out at last\n\nThe fire was put out on Tuesday, the chief said at noon.\n"
    lines = split_lines(raw)
    assert classify_lines(lines)[:2] == ["metadata:title", "structure:repeated-line"]
    assert classify_lines(lines, known_title="Fire out at last")[:2] == [
        "metadata:title",
        "structure:repeated-line",
    ]


def test_two_near_duplicates_keep_reporting_but_lose_site_lines():
    body_a = "The port reopened on Wednesday after a four-day closure, harbour officials said in a statement."
    body_b = "Ferries resumed on Thursday, and the operator said the timetable would be normal by Friday."
    docs = cleaned(
        f"""
        === a.txt
        Port reopens

        {body_a}

        Daily Harbour Brief

        === b.txt
        Ferries resume

        {body_b}

        Daily Harbour Brief
        """
    )
    for doc in docs:
        assert "Daily Harbour Brief" not in doc.text
        assert any(r.text == "Daily Harbour Brief" for r in doc.removed)
    assert body_a in docs[0].text and body_b in docs[1].text


def test_realistic_sample_keeps_reporting_and_offsets(sample_docs):
    for doc in sample_docs:
        if doc.rejected:
            continue
        for removed in doc.removed:
            assert doc.raw[removed.start : removed.end] == removed.text
        assert "Advertisement" not in doc.text and "Leave a" not in doc.text


def test_settings_are_respected():
    [doc] = cleaned(
        "=== x.txt\nLa ville a été évacuée lundi soir et les habitants sont rentrés chez eux mardi "
        "après-midi, selon la préfecture qui a donné une conférence de presse.\n",
        Settings(),
    )
    assert doc.rejected and doc.rejected.startswith("not English")


def test_cue_words_never_hide_a_pattern_match():
    """Patterns with cue words skip lines lacking them; on every line we ship, that changes no result."""
    lines = [
        line.strip()
        for folder in ("samples", "tests/data")
        for path in sorted((ROOT / folder).rglob("*"))
        if path.is_file() and path.suffix in {".txt", ".html", ".md", ".json", ".jsonl"}
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
        if line.strip()
    ]
    assert len(lines) > 500

    def without_cues(text: str) -> tuple[str, bool] | None:
        words = len(text.split())
        for pattern in LINE_PATTERNS:
            if words <= pattern.max_words and pattern.regex.match(text):
                return f"boilerplate:{pattern.name}", pattern.ends_article
        return None

    assert [pattern_reason(t) for t in lines] == [without_cues(t) for t in lines]
    assert any(pattern_reason(t) for t in lines)


def test_a_label_or_counter_after_the_reporting_goes_whatever_its_language():
    [doc] = cleaned(
        "=== a.txt\nThe council will meet in emergency session next Tuesday to decide on the contract, the "
        "mayor said.\n\nBribery of a public official carries a sentence of up to 14 years in the province.\n\n"
        "Pročitajte još:\nCijene goriva ponovo rastu treći tjedan zaredom\n\nKomentari (2)\n"
    )
    assert doc.text.rstrip().endswith("up to 14 years in the province.")


def test_a_newsletter_platforms_appeals_placeholders_and_footer_go():
    raw = (
        "Records show the plant discharged solvent into the river for months before anyone was told\n\n"
        "The plant released water containing a banned solvent into the river on at least 46 days between April "
        "and August, according to discharge reports the company filed with the state.\n\n"
        "The Dispatch is free to read and funded by its readers. Join 6,200 others and get every investigation "
        "by email.\n\nType your email…\n\n"
        "The state received the first of those reports on May 12, and residents were not told until September, "
        "when the department issued a short notice.\n\n"
        "Thanks for reading The Dispatch! This post is public, so pass it on.\n\nWrite a comment…\n\n"
        "Who actually sits on the water board?\n\n"
        "© 2031 Tamsin Kerr · Privacy · Terms\nMade with Inkpost — start your own newsletter in minutes\n"
    )
    reasons = reasons_by_line(raw)
    assert reasons["Type your email…"] == "boilerplate:newsletter"
    assert reasons["Write a comment…"] == "boilerplate:comment-form"
    assert pattern_reason("You must be logged in to post a comment.") == ("boilerplate:comment-form", True)
    assert (
        reasons[
            "The Dispatch is free to read and funded by its readers. Join 6,200 others and get every "
            "investigation by email."
        ]
        == "boilerplate:paywall"
    )
    assert (
        reasons["Thanks for reading The Dispatch! This post is public, so pass it on."]
        == "boilerplate:sign-off"
    )
    assert reasons["Who actually sits on the water board?"] == "structure:after-article-end"
    assert reasons["© 2031 Tamsin Kerr · Privacy · Terms"] == "boilerplate:copyright"
    assert (
        reasons[
            "The state received the first of those reports on May 12, and residents were not told until "
            "September, when the department issued a short notice."
        ]
        is None
    )


def test_bios_offers_credited_captions_and_live_page_notes_go():
    for line, reason in (
        (
            "Margo Pellister covers extreme weather and infrastructure for United Newswire from its bureau.",
            "author-box",
        ),
        ("Kasimir Oyelaran is a senior reporter at Circuitline covering payments and banking.", "author-box"),
        ("18+ | New customers only. Bet £10, get £30 in free bets. T&Cs apply.", "advertisement"),
        (
            "Is your cloud bill out of control? See how Nimbrant cut costs by 40% — download the free guide",
            "advertisement",
        ),
        ("All times are local (GMT+1)", "timestamp"),
        (
            "This story is available exclusively to Circuitline Pro subscribers. Upgrade for full access.",
            "paywall",
        ),
        (
            "Copyright 2031 NRT. Links to other websites are provided for convenience; NRT takes no responsibility.",
            "copyright",
        ),
    ):
        assert pattern_reason(line) == (f"boilerplate:{reason}", False), line
    raw = (
        "Brannock recalls 2 million jars of nut butter\n\n"
        "Brannock Foods is recalling about 2 million jars of peanut butter after testing found listeria at its "
        "factory, the company said Tuesday.\n\n"
        "Jars of Brannock Golden Spread on a supermarket shelf in Doverel. (The Corley Standard)\n\n"
        "No illnesses have been confirmed, but the state health department said it was looking into two cases.\n"
    )
    reasons = reasons_by_line(raw)
    assert reasons[
        "Jars of Brannock Golden Spread on a supermarket shelf in Doverel. (The Corley Standard)"
    ] == ("caption:photo")


def test_the_headline_sits_above_its_standfirst_and_a_summarys_bullets_stay():
    raw = (
        "Local News > City Hall\n\nCouncil closes two libraries, raises taxes in split vote on budget\n\n"
        "Eastgate and Millbrook branches to shut Sept. 30 as the council plugs a $7.4 million budget hole\n\n"
        "Anneliese Durrow\n\nPosted Jun 10, 2031 10:48 PM\n\n"
        "The City Council voted 5-4 late Tuesday to close two libraries and raise taxes, approving a budget "
        "that members called the most painful in a generation.\n\n"
        "Summary\n"
        "The ferry struck rocks off Skerrin Point at about 07:40 on her way from Port Kellan to the Isle of Tarrow\n"
        "The coastguard says the vessel is stable but holed below the waterline\n"
        "Tarrow Sea Lines has cancelled all sailings for the rest of the weekend\n\n"
        "Branch librarians said the Millbrook library had served the east side of the city since 1931.\n"
    )
    reasons = reasons_by_line(raw)
    assert reasons["Council closes two libraries, raises taxes in split vote on budget"] == "metadata:title"
    assert reasons["The coastguard says the vessel is stable but holed below the waterline"] is None
    assert reasons["Tarrow Sea Lines has cancelled all sailings for the rest of the weekend"] is None


def test_widget_labels_galleries_footers_and_comment_counts_go_but_news_that_mentions_them_stays():
    for line, reason, ends in (
        ("POLL: Should the harbour ferry run all night in summer?", "advertisement", False),
        ("ODDS BY LUCKYLANE: Rovers 5/2 to win at home Saturday. 18+ only.", "advertisement", False),
        ("DEAL: The Kestrel 4 kettle is down to £29 at Homeway this week", "advertisement", False),
        ("Now Playing: Drone footage of the flooded Ressel valley (1:42)", "advertisement", False),
        ("[2/5] Volunteers fill sandbags outside Ressel town hall on Sunday.", "gallery", False),
        ("Download the Valley Nine app for alerts on roads and schools near you.", "newsletter", False),
        (
            "The Morning Brief newsletter brings you the five stories that matter before 7am.",
            "newsletter",
            False,
        ),
        ("Weather  ·  Traffic  ·  Obituaries  ·  Puzzles  ·  Careers", "menu", False),
        (
            "Ressel Daily is a property of Northgate Media Ltd. © 2041 Northgate Media Ltd.",
            "copyright",
            False,
        ),
        ("Was this page helpful?", "tip-line", False),
        ("Have your say: write to letters@resseldaily.example with your name and town.", "tip-line", False),
        (
            "Affiliate disclosure: we may earn an affiliate commission when you buy through our links.",
            "affiliate",
            False,
        ),
        ('3 thoughts on "Ressel flood defences to be raised by a metre"', "comment-form", True),
        ("MORE ROVERS", "related", True),
        ("Breaking:  Ring road lane closures extended  ///  Rovers sign keeper on loan", "menu", False),
        ("Your valley. Your news. Since 1902.", "tagline", False),
    ):
        assert pattern_reason(line) == (f"boilerplate:{reason}", ends), line
    for news in (
        "Poll workers in Ressel counted through the night, the council said.",
        "Breaking the ice on the canal was the first job of the morning.",
        "More than 300 homes were flooded.",
        "The council's app was downloaded 4,000 times in a day, officials said.",
    ):
        assert pattern_reason(news) is None, news
    raw = (
        "Ferry captain says engine failed twice\n\n"
        "The Orla ferry lost power twice on its way into Ressel harbour on Sunday, its captain said.\n\n"
        "The Orla is towed into Ressel harbour on Sunday evening. (Dev Anand/Ressel Daily)\n\n"
        "Passengers were kept below deck until the tug arrived, the operator said.\n"
    )
    reasons = reasons_by_line(raw)
    assert reasons["The Orla is towed into Ressel harbour on Sunday evening. (Dev Anand/Ressel Daily)"] == (
        "caption:photo"
    )
