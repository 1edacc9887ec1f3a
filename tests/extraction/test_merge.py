"""Mentions of one event within a document are merged the way ACLED aggregates."""

import lagebild


def events(text, language="de", published="2024-03-12"):
    return lagebild.extract(text, published=published, language=language)


def test_a_generic_attack_joins_the_specific_strike_beside_it():
    text = (
        "Am Montag bombardierte die Türkei einen Konvoi bei Aleppo. "
        "Die Türkei attackierte dabei auch Stellungen der SDF."
    )
    (event,) = events(text)
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor2.startswith("SDF")


def test_a_toll_in_the_next_sentence_belongs_to_the_event():
    text = "Am Montag bombardierte die Türkei einen Konvoi bei Aleppo. Dabei starben zwei Kämpfer."
    (event,) = events(text)
    assert event.fatalities == 2


def test_different_targets_stay_different_events():
    text = (
        "On 9 May 2020, Al Shabaab militants attacked soldiers near Mogadishu. "
        "On 9 May 2020, Al Shabaab militants killed three civilians near Mogadishu."
    )
    kinds = sorted(e.sub_event_type for e in events(text, "en", "2020-05-10"))
    assert kinds == ["Armed clash", "Attack"]
