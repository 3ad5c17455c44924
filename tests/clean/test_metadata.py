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
    assert any("taken from the cluster" in n for n in docs[0].notes)


def test_scrapers_current_date_line_is_not_a_publication_date():
    [doc] = cleaned(f"=== a.txt\nFriday , June 11 2027\n\nHarbour closes after storm\n\n{BODY}\n")
    assert doc.date is None
    assert any("current-date line" in n for n in doc.notes)
    assert "2027" not in doc.text


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
