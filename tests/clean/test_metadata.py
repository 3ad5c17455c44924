from newsfuse.datetext import CalendarDate, find_date
from newsfuse.extract.dates import extract_dates

from ..conftest import cleaned

BODY = "The harbour was closed on Monday after the storm, and ferries were cancelled, officials said."


def test_outlet_from_headline_suffix():
    [doc] = cleaned(f"=== a.txt\nHarbour closes after storm – BAYSIDE POST\n\n{BODY}\n")
    assert doc.title == "Harbour closes after storm"
    assert doc.source == "Bayside Post"


def test_outlet_and_date_from_dateline():
    [doc] = cleaned(
        f"=== a.txt\nHarbour closes after storm\n\nPORT ALDER, March 3, 2026 (Coastline Wire) — {BODY}\n"
    )
    assert (doc.source, doc.date) == ("Coastline Wire", "2026-03-03")
    assert doc.text.startswith("The harbour was closed")  # the dateline left the sentence
    assert any(r.reason == "metadata:dateline" for r in doc.removed)


def test_dateline_without_year_takes_the_clusters_year_when_the_weekday_fits():
    docs = cleaned(
        f"""
        === a.txt
        Harbour closes

        PORT ALDER, Thursday, March 5 — {BODY}

        === b.txt
        Ferries cancelled

        Published March 4, 2026

        {BODY.replace("Monday", "Tuesday")}
        """
    )
    assert docs[1].date == "2026-03-04"
    assert docs[0].date == "2026-03-05"
    assert any("with the year 2026 of the cluster's other dated documents" in n for n in docs[0].notes)
    assert not any(n.startswith("date unsure") for n in docs[0].notes)  # settled, so no longer unsure


def test_scrapers_current_date_line_is_not_a_publication_date():
    [doc] = cleaned(f"=== a.txt\nFriday , June 11 2027\n\nHarbour closes after storm\n\n{BODY}\n")
    assert doc.date is None
    assert any("current-date line" in n for n in doc.notes)
    assert "2027" not in doc.text


def test_a_date_above_the_headline_is_the_sites_clock_when_one_below_dates_the_article():
    page = (
        "=== a.txt\nFRIDAY, MARCH 5, 2032\n\nHarbour closes after storm\n\nBy Jane Roe\n\n"
        f"Published 25.05.2030 – 19:04\n\n{BODY}\n"
    )
    [doc] = cleaned(page)
    assert doc.date == "2030-05-25"
    assert "2032" not in doc.text
    [wire] = cleaned(
        "=== b.txt\nHarbour closes after storm\n\nDecember 4, 2030 10:22 AM UTC\n\n"
        f"PORT ALDER, Dec 4 (Coastline Wire) - {BODY}\n"
    )
    assert wire.date == "2030-12-04"  # the dateline's day, with the year of the date line that agrees


def test_numeric_dates_are_read_only_when_the_text_settles_day_and_month():
    assert find_date("Published 25.05.2030 – 19:04") == CalendarDate(5, 25, 2030)
    assert find_date("5/25/2030") == CalendarDate(5, 25, 2030)
    assert find_date("12/05/2030 Thursday") == CalendarDate(
        12, 5, 2030, weekday=3
    )  # 5 December is a Thursday
    assert find_date("12/05/2030, Sunday") == CalendarDate(5, 12, 2030, weekday=6)
    assert find_date("05/06/2030") is None  # 5 June or 6 May: the text does not say
    assert find_date("version 1.2.2030") is None


def test_the_headline_is_the_line_a_byline_or_date_follows_not_a_tagline_above_it():
    [doc] = cleaned(
        "=== a.txt\nTHE CALLOWAY COURIER\n\nIndependent news for the Vell Valley since 1887\n\n"
        "Your valley. Your paper.\n\nNews » Local\n\nSkip to main content\n\nRiver bursts its banks in Dunmere\n\n"
        f"Residents spent the night in school halls\n\nBy Tamsin Orrell\n\n{BODY}\n"
    )
    assert doc.title == "River bursts its banks in Dunmere"
    assert doc.source == "The Calloway Courier"
    assert "since 1887" not in doc.text and "Your valley" not in doc.text


def test_the_headline_sits_just_above_the_author_and_date_lines():
    page = (
        "=== a.txt\nLog in | Register | My account\n\nNORTHMOOR EVENING POST\n\n"
        + "".join(f"{item}\n\n" for item in ("Home", "News", "Health", "Business", "Sport", "Jobs"))
        + "TRANSPORT & SHIPPING\n\nTwo hospitals to merge under a single board\n\n"
        "The deal ends a decade of talks; unions want guarantees\n\nReggie Oduya | Health reporter\n\n"
        f"Jun 11, 2030 Updated Jun 12, 2030\n\n{BODY}\n"
    )
    [doc] = cleaned(page)
    assert doc.title == "Two hospitals to merge under a single board"
    assert doc.source == "Northmoor Evening Post"  # not "Register" from the menu
    assert doc.date == "2030-06-11"


def test_a_lower_case_wordmark_and_a_masthead_split_by_a_bar_name_the_outlet():
    [mark] = cleaned(
        f"=== a.txt\nthe lanmore review\n\nHarbour closes after storm\n\nBy Jane Roe\n\n{BODY}\n"
    )
    assert mark.source == "The Lanmore Review"
    [bar] = cleaned(
        f"=== b.txt\nCPA | Continental Press Agency\n\nHarbour closes after storm\n\nBy Jane Roe\n\n{BODY}\n"
    )
    assert bar.source == "Continental Press Agency"


def test_a_copy_posted_days_after_its_dateline_is_dated_when_posted_and_filed_on_the_datelines_day():
    [copy] = cleaned(
        "=== a.txt\nYour town. Your news. Every day.\n\nHarbour closes after storm\n\n"
        "Posted by Newsroom  •  April 22, 2043  •  Leave a Comment\n\n"
        "RIVERTON, April 20 (Harbor Herald) - The harbour closed on Sunday after the storm, and it will "
        "reopen on Tuesday, the port said.\n"
    )
    assert (copy.date, copy.filed) == ("2043-04-22", "2043-04-20")
    dates = {r.as_written: r.date for r in extract_dates([copy])}
    assert dates == {"Sunday": "2043-04-19", "Tuesday": "2043-04-21"}  # counted from the dateline's Monday


def test_an_account_menus_section_is_no_outlet():
    [page] = cleaned(
        "=== a.txt\nMy News   |   Sign In   |   Register\n\nHarbour closes after storm\n\n"
        f"RIVERTON, May 2 (Harbor Herald) - {BODY}\n"
    )
    assert page.source == "Harbor Herald"


def test_byline_masthead_and_credit_lines():
    [by] = cleaned(f"=== a.txt\nHarbour closes after storm\n\nBy Jane Roe, Harbor Herald\n\n{BODY}\n")
    assert by.source == "Harbor Herald"
    [mast] = cleaned(f"=== b.txt\nRIVERTON GAZETTE\n\nHarbour closes after storm\n\n{BODY}\n")
    assert mast.source == "Riverton Gazette"
    [credit] = cleaned(
        f"=== c.txt\nHarbour closes after storm\n\n{BODY}\n\n{BODY}\n\n"
        "Coastline Wire's Ana Reyes contributed reporting.\n"
    )
    assert credit.source == "Coastline Wire"


def test_a_republishers_masthead_with_a_section_names_this_copys_outlet_not_the_title():
    [doc] = cleaned(
        "=== a.txt\nTHE VALLEY COURIER - Breaking News\n\nHarbour closes after storm\n\n"
        f"PORT ALDER, March 3, 2026 (Coastline Wire) — {BODY}\n"
    )
    assert doc.title == "Harbour closes after storm"
    assert doc.source == "The Valley Courier"  # who published this copy; the dateline credits the original
    assert any(r.reason == "structure:masthead" for r in doc.removed)


def test_the_headline_is_no_section_label_masthead_or_page_title():
    for top in (
        "Tech › Gadgets › Phones",
        "Culture · Music",
        "The Harbour Ledger",
        "WEEKEND EDITION — Since 1921",
    ):
        [doc] = cleaned(f"=== a.txt\n{top}\n\nHarbour closes after storm\n\nBy Jane Roe\n\n{BODY}\n")
        assert doc.title == "Harbour closes after storm", top
    [paged] = cleaned(
        f"=== b.txt\nHarbour closes after storm | Riverline Times\n\nHarbour closes after storm\n\n{BODY}\n"
    )
    assert paged.title == "Harbour closes after storm" and paged.source == "Riverline Times"


def test_outlet_from_copyright_and_picture_credits():
    for footer, outlet in (
        ("© 2030 The Harbour Ledger. All rights reserved.", "The Harbour Ledger"),
        ("Copyright 2029 Valley Sentinel Media Group", "Valley Sentinel"),
        ("© Circuitry Media 2030", "Circuitry"),
        ("Illustration: Nadia Ferro for Quarkline", "Quarkline"),
        ("More from The Lantern", "The Lantern"),
    ):
        [doc] = cleaned(f"=== a.txt\nHarbour closes after storm\n\n{BODY}\n\n{BODY}\n\n{footer}\n")
        assert doc.source == outlet, footer


def test_unknown_outlet_is_said_not_guessed():
    [doc] = cleaned(f"=== a.txt\nHarbour closes after storm\n\n{BODY}\n")
    assert doc.source is None
    assert any("outlet unknown" in n for n in doc.notes)


def test_a_print_pages_folio_line_dates_it():
    [doc] = cleaned(
        "=== a.txt\nDownloaded Mar 12, 2031, 2:07 PM\n\nTHE HARBOUR LEDGER · WEDNESDAY, MARCH 5, 2031 · $2.50\n\n"
        f"Harbour closes after storm\n\n{BODY}\n"
    )
    assert doc.date == "2031-03-05"
    assert "date from the folio line" in doc.notes


def test_a_folio_line_under_the_headline_gives_the_date_and_the_outlet():
    [doc] = cleaned(
        f"=== a.txt\nHarbour closes after storm\n\nRheintal-Anzeiger | 16.03.2033 | Health desk\n\n{BODY}\n"
    )
    assert (doc.date, doc.source) == ("2033-03-16", "Rheintal-Anzeiger")
    [doc] = cleaned(f"=== a.txt\nHarbour closes\n\nPublished: March 17, 2033 | PulseHub Staff\n\n{BODY}\n")
    assert (doc.date, doc.source) == ("2033-03-17", "PulseHub")
    [doc] = cleaned(
        f"=== a.txt\nHarbour closes\n\nSavski Obzornik | 6. May 2035 | Section Traffic\n\n{BODY}\n"
    )
    assert (doc.date, doc.source) == ("2035-05-06", "Savski Obzornik")


def test_a_date_in_the_byline_block_dates_the_page_and_full_stops_mean_day_first():
    [doc] = cleaned(
        "=== a.txt\nWhat went wrong at the barn\n\nBy Cormac Ellery, Correspondent\nMonday 21 September 2037\n\n"
        f"{BODY}\n"
    )
    assert doc.date == "2037-09-21"
    [doc] = cleaned(f"=== b.txt\nVice-mayor accused\n\n12.03.2038, 09:15 | Editorial desk\n\n{BODY}\n")
    assert doc.date == "2038-03-12"


def test_a_menu_over_a_date_line_is_two_lines_and_a_double_spaced_menu_is_no_headline():
    [doc] = cleaned(
        f"=== a.txt\nGlowVine | Trending | Local | Viral\nMarch 4, 2033\n\nHarbour closes after storm\n\n{BODY}\n"
    )
    assert doc.date == "2033-03-04"
    [paged] = cleaned(
        "=== b.txt\nSaturday , May 9 2033\n\nHOME  World  Money  Weather  Deals  Contact Us\n\n"
        f"Harbour closes after storm\n\nPosted on 04/03/2033 by admin\n\n{BODY}\n"
    )
    assert paged.title == "Harbour closes after storm"


def test_a_date_line_with_at_before_its_clock_dates_the_page():
    [doc] = cleaned(
        f"=== a.txt\nHarbour closes after storm\n\nBy Kasimir Oyelaran\n\nMarch 4, 2031 at 5:17 PM PST\n\n{BODY}\n"
    )
    assert doc.date == "2031-03-04"


def test_a_broadcasts_self_reference_ends_with_its_sentence_and_a_masthead_with_its_tagline():
    clip = "good evening, youre watching harbourline tonight. the deputy mayor spent the day in custody, police say."
    [doc] = cleaned(f"=== t.txt\n{clip}\n")
    assert doc.source == "Harbourline Tonight"
    [page] = cleaned(
        "=== a.txt\nThe Public Purse - governance, procurement and accountability\n\nANALYSIS | LOCAL GOVERNMENT\n\n"
        f"Harbour closes after storm\n\nThe Public Purse analysis desk\n\n{BODY}\n"
    )
    assert page.source == "The Public Purse"
