"""Who did what to whom, where and when: dates, places, and events coded from parsed text."""

import pytest

from newsmill.events import rules
from newsmill.events.dates import days_before, resolve, years_before
from newsmill.events.places import gazetteer
from newsmill.records import Article, Event


def test_days_resolve_against_the_publication_date() -> None:
    monday = "2019-06-10"
    assert resolve("Sunday", monday) == "2019-06-09"
    assert resolve("on Monday", monday) == "2019-06-10"  # the day itself, not a week before
    assert resolve("yesterday", monday) == "2019-06-09"
    assert resolve("today", monday) == "2019-06-10"
    assert resolve("June 3", monday) == "2019-06-03"
    assert resolve("last week", monday) is None  # no day: a week, left unresolved
    assert resolve("three days ago", monday) == "2019-06-07"
    assert resolve("2 days ago", monday) == "2019-06-08"
    assert resolve("a week ago", monday) == "2019-06-03"
    assert resolve("two months ago", monday) is None
    assert resolve("in recent months", monday) is None
    assert resolve("Sunday", None) is None  # no publication date: only a full date resolves
    assert resolve("9 June 2019", None) == "2019-06-09"
    assert resolve("next Monday", monday) == "2019-06-17"  # the one to come
    assert resolve("next Friday", monday) == "2019-06-14"
    assert resolve("tomorrow", monday) == "2019-06-11"
    assert resolve("Dec. 15", "2019-11-18") == "2019-12-15"  # weeks ahead: the coming one
    assert resolve("March 21", "2019-11-18") == "2019-03-21"  # months ahead: the one before
    assert resolve("December 15, 2018", "2019-11-18") == "2018-12-15"
    assert years_before("in 2016", "2019-11-19") == 3
    assert years_before("five years ago", "2019-11-19") >= 1
    assert years_before("on Sunday", "2019-11-19") == 0
    assert days_before("April", "2019-11-19") == 232  # the April before: from its first day
    assert days_before("last November", "2000-01-01") == 61
    assert days_before("late February", "2000-01-01") == 0  # weeks ahead: the coming one
    assert days_before("May 2017", "2019-11-19") > 900
    assert days_before("the mayor", "2019-11-19") == 0


def test_places_are_geocoded_offline_with_the_article_countries_first() -> None:
    gaz = gazetteer()
    almaty = gaz.locate("Almaty")
    assert almaty is not None and almaty.country == "KAZ" and almaty.lat and almaty.lon
    assert gaz.locate("Paris").country == "FRA"  # type: ignore[union-attr]
    assert gaz.locate("Paris", ("USA",)).country == "USA"  # type: ignore[union-attr]
    assert gaz.locate("the United States").country == "USA"  # type: ignore[union-attr]
    assert gaz.locate("Nowhereville") is None
    assert gaz.country_of_name("Kazakh") == "KAZ"
    assert gaz.country_of_name("U.S.") == "USA"
    assert gaz.country_of_name("Gambian") == "GMB"  # not listed: made from "Gambia"
    assert gaz.country_of_name("Ohio") == "USA"
    assert gaz.country_of_name("intra-Afghan") == "AFG"  # talks within a country
    assert gaz.country_of_name("inter-Korean") == "KOR"


def _events(body: str, published: str | None = "2019-06-10",
            each_mention: bool = False) -> list[Event]:
    from newsmill.events import code_events
    from newsmill.nlp import NlpStage
    from newsmill.statements import find_statements

    doc = NlpStage()([Article("a", "a", "text", body, published=published)])[0]
    return list(code_events(find_statements(doc), each_mention=each_mention).events)


@pytest.mark.slow
def test_an_arrest_with_its_parties_place_day_and_numbers() -> None:
    body = "Police in Almaty detained 40 protesters on Sunday, the interior ministry said."
    [e] = _events(body)
    assert (e.type, e.mode, e.status, e.date) == ("COERCE", "arrest", "occurred", "2019-06-09")
    assert [(a.country, a.sector) for a in e.actors] == [("KAZ", "COP")]
    assert [(a.name, a.country, a.sector) for a in e.recipients] == [("protesters", "KAZ", "CVL")]
    assert e.place is not None and (e.place.name, e.place.country) == ("Almaty", "KAZ")
    assert e.arrested == 40
    assert body[e.start:e.end] == e.evidence and "the interior ministry said" not in e.evidence


@pytest.mark.slow
def test_a_protest_with_its_crowd_and_a_second_telling_is_one_event() -> None:
    body = ("Thousands of teachers marched through Lagos on Tuesday to demand higher pay.\n\n"
            "Thousands of teachers marched through Lagos again, organisers said.")
    events = _events(body)
    protests = [e for e in events if e.type == "PROTEST"]
    assert len(protests) == 1
    assert protests[0].size == 2000 and protests[0].date == "2019-06-04"
    assert protests[0].place is not None and protests[0].place.country == "NGA"
    assert not [e for e in events if e.type == "REQUEST"]  # the protest's aim is no event


@pytest.mark.slow
def test_status_and_plover_rules_for_promises_threats_and_denials() -> None:
    [threat] = _events("The teachers' union said it would strike in Nairobi next week.")
    assert (threat.type, threat.status) == ("THREATEN", "planned")
    [promise] = _events("Norway will send aid to Mozambique, the foreign minister said.")
    assert (promise.type, promise.status) == ("AGREE", "planned")
    assert not _events("Police in Kyiv did not arrest the activists.")  # no event of the story
    with rules.switched_off({"denied-not-news"}):
        [denied] = _events("Police in Kyiv did not arrest the activists.")
    assert (denied.type, denied.status) == ("COERCE", "denied")
    [demand] = _events("Russia said on Tuesday that Sudan must return the captured helicopter.")
    assert demand.type == "REQUEST"
    assert [a.country for a in demand.actors] == ["RUS"]
    assert [a.country for a in demand.recipients] == ["SDN"]


@pytest.mark.slow
def test_background_history_and_names_are_not_events() -> None:
    assert _events("Soldiers killed twelve villagers near Gao in 2009.", "2019-06-10") == []
    assert _events("Amnesty International published its annual report.") == []
    assert _events("The ministry declined to comment on the figures.") == []


@pytest.mark.slow
def test_an_undated_event_takes_the_day_of_the_story_so_far() -> None:
    body = ("Police in Columbus arrested six people on Monday during a drug raid.\n\n"
            "Officers also arrested a driver on Main Street after a chase.")
    events = [e for e in _events(body, "2019-11-20") if e.type == "COERCE"]
    assert [e.date for e in events] == ["2019-11-18", "2019-11-18"]
    assert events[0].arrested == 6


@pytest.mark.slow
def test_the_we_of_a_quote_is_its_speaker() -> None:
    body = ("The Kenyan health ministry answered the nurses' union on Monday.\n\n"
            "“We will ask the High Court to halt the strike,” the ministry said.")
    assert not [e for e in _events(body) if e.type == "REQUEST"]  # what a source says
    with rules.switched_off({"quoted"}):
        requests = [e for e in _events(body) if e.type == "REQUEST"]
    assert requests and requests[0].actors
    assert requests[0].actors[0].country == "KEN"
    assert "ministry" in requests[0].actors[0].name


@pytest.mark.slow
def test_news_that_mentions_history_and_events_told_as_they_happen() -> None:
    handover = _events("Ruritania has offered to hand over two men suspected of bombing a "
                       "ferry in 1994, the foreign ministry said on Monday.")
    assert [e.type for e in handover] == ["AGREE"]  # the 1994 bombing is history, the offer news
    withdrawal = _events("The rebels said their fighters had completed their withdrawal from "
                         "the port town of Varna.")
    assert "RETREAT" in [e.type for e in withdrawal]  # "their withdrawal" is not a reference
    blocked = _events("Striking farmers blocked the bridge into the capital for six hours.")
    assert [(e.type, e.mode) for e in blocked] == [("PROTEST", "obstruct")]
    eased = _events("The government eased the curfew in the northern provinces.")
    assert [e.type for e in eased] == ["CONCEDE"]


@pytest.mark.slow
def test_a_deed_inside_names_the_doer_of_a_killing() -> None:
    [e] = _events("One person was killed in police firing in Limkheda on Sunday.")
    assert (e.type, e.mode, e.dead) == ("ASSAULT", "firearms", 1)
    assert [a.sector for a in e.actors] == ["COP"]
    [e] = _events("One man was killed when the police fired 15 rounds at the crowd.")
    assert (e.type, e.mode) == ("ASSAULT", "firearms")  # not "primitive" from "fired"
    assert [a.sector for a in e.actors] == ["COP"]
    [e] = _events("Stone throwing went on for two hours, forcing the police to open fire.")
    assert (e.type, e.status) == ("ASSAULT", "occurred")
    assert [a.sector for a in e.actors] == ["COP"]


@pytest.mark.slow
def test_the_firing_points_back_to_the_doers_told_before() -> None:
    mentions = _events("The police opened fire on a mob in Surat on Sunday. "
                       "Three people were injured in the firing.", each_mention=True)
    # each trigger of a sentence labels it ("injured" and "the firing"), its sentence as evidence
    assert sorted({(e.evidence, e.type, e.actors[0].sector) for e in mentions}) == [
        ("The police opened fire on a mob in Surat on Sunday.", "ASSAULT", "COP"),
        ("Three people were injured in the firing.", "ASSAULT", "COP")]
    assert mentions[-1].injured == 3


@pytest.mark.slow
def test_actors_named_through_pronouns_titles_and_hyphens() -> None:
    [e] = _events("Hungary has said it will support the resolution.")
    assert [(a.name, a.country) for a in e.actors] == [("Hungary", "HUN")]
    [e] = _events("U.N. Secretary-General Kofi Annan urged Iraq to let the inspectors back.")
    assert [(a.name, a.country, a.sector) for a in e.actors] == [("Kofi Annan", "UNO", "GOV")]
    [e] = _events("Ivory Coast rebels on Friday rejected the peace plan.")
    assert [(a.country, a.sector) for a in e.actors] == [("CIV", "REB")]
    [e] = _events("The Asia-Pacific Economic Cooperation forum agreed to set up a research centre.")
    assert [(a.name, a.country) for a in e.actors] == [
        ("Asia-Pacific Economic Cooperation forum", "IGO")]


@pytest.mark.slow
def test_sectors_of_weak_heads_former_officials_weapons_and_unknown_bombers() -> None:
    [e] = _events("Afghan rebel leaders said on Wednesday they would meet the mediator.")
    assert [(a.country, a.sector) for a in e.actors] == [("AFG", "REB")]
    [e] = _events("Former prime minister Andreas Papandreou demanded immediate elections.")
    assert [a.sector for a in e.actors] == ["ELI"]
    [e] = _events("Israeli tanks shelled positions near the town of Rafah on Sunday.")
    assert [(a.country, a.sector) for a in e.actors] == [("ISR", "MIL")]
    [e] = _events("A car bomb explosion killed two people in Beirut on Sunday.")
    assert [(a.country, a.sector) for a in e.actors] == [("LBN", "UAF")]


def test_public_figures_have_their_country_unless_the_surname_is_common() -> None:
    from newsmill.events.actors import figure

    assert figure("Boris Yeltsin") == ("RUS", "GOV")
    assert figure("Yeltsin") == ("RUS", "GOV")  # written alone
    assert figure("Bush") == ("USA", "GOV")  # three figures, one country and sector
    assert figure("Kim") is None  # two Koreas
    assert figure("Khan") is None  # too common to stand for one figure
    assert figure("John Yeltsin") is None  # a full name must be listed as written


@pytest.mark.slow
def test_a_public_figure_keeps_his_country_against_the_article_s() -> None:
    [e] = _events("On Tuesday Putin offered to negotiate with the president of Armenia.")
    assert [(a.name, a.country) for a in e.actors] == [("Vladimir Putin", "RUS")]


@pytest.mark.slow
def test_words_that_describe_a_party_are_not_news() -> None:
    # a relative clause, an adjectival participle, a noun naming a kind of place
    body = ("The governor, who resigned after nearly 30 years in office, opened a school. "
            "Detained migrants were denied flu shots, doctors said. "
            "Doctors described the conditions in a detention centre in Texas.")
    assert [(e.type, e.mode) for e in _events(body)] == [("REJECT", None)]
    # a verb's relative clause on a thing describes the thing; each mention still counts it
    body = "Officials inspected a tanker that was seized by pirates in the Gulf on Monday."
    assert "COERCE" not in {e.type for e in _events(body)}
    assert "COERCE" in {e.type for e in _events(body, each_mention=True)}
    body = "Police found the car bomb that killed eight people in the city on Friday."
    assert "ASSAULT" in {e.type for e in _events(body)}  # the deed's weapon: told
    body = "The army denied it had hit the market, which killed at least 46 people."
    assert ("ASSAULT", 46) in {(e.type, e.dead) for e in _events(body)}  # its victims
    # counted: told
    # a sentence that mentions an arrest through the arrested is labelled with it
    body = "The arrested workers were released later."
    assert "COERCE" not in {e.type for e in _events(body)}
    assert "COERCE" in {e.type for e in _events(body, each_mention=True)}


@pytest.mark.slow
def test_agreements_to_do_something_and_conditional_offers() -> None:
    [e] = _events("Israel and Jordan reached a consensus to exchange information on water.")
    [e] = _events("Minister Gia said Vietnam is committed to opening up the economy.")
    [e] = _events("The rebels said they would meet the mediator if he gave them a veto.")
    assert (e.type, e.status) == ("AGREE", "hypothetical")
    # a condition needs a consequence still to come: "if" misattached to a past deed is not one
    events = _events("The union - which considers the law unfair and has rejected the minister "
                     "as a mediator if talks are ever revived - called for an emergency meeting.")
    assert ("REQUEST", "occurred") in [(e.type, e.status) for e in events]
    # an ultimatum is a threat; its condition is not an event
    [e] = _events("Nigeria said it will withdraw its troops from Chad unless the president "
                  "agrees to a ceasefire.")
    assert (e.type, e.status) == ("THREATEN", "planned")


@pytest.mark.slow
def test_nouns_that_are_what_is_talked_about_are_not_events() -> None:
    body = ("The governor sought to avoid criticism from the unions. The mayor talked to "
            "reporters about investigations. The allegations are false, the minister said.")
    assert _events(body) == []
    [e] = _events("Students staged a protest in Jakarta on Sunday.")
    assert (e.type, e.mode) == ("PROTEST", "demo")  # "staged", which spaCy lemmatizes "stag"


@pytest.mark.slow
def test_countries_of_local_bodies_national_bodies_and_known_figures() -> None:
    [e] = _events("Officers from the Columbus Police Department arrested six people at a home "
                  "in Bartholomew County on Monday.")
    assert [(a.country, a.sector) for a in e.actors] == [("USA", "COP")]
    assert e.place is not None and e.place.country == "USA"
    [e] = _events("The Kremlin accused Kyiv of shelling the plant on Friday.")
    assert [(a.country, a.sector) for a in e.actors] == [("RUS", "GOV")]
    # a listed figure keeps his country in an article about another, also where spaCy takes
    # his name for an organisation's
    body = ("Ukraine's president met Ukraine officials in Kyiv. At the White House, Trump said "
            "he had watched part of the testimony and slammed the hearings as a disgrace.")
    accusers = [a for e in _events(body) if e.type == "ACCUSE" for a in e.actors]
    assert [(a.name, a.country) for a in accusers] == [("Trump", "USA")]


@pytest.mark.slow
def test_senses_of_event_words_that_are_not_events() -> None:
    body = ("The prosecutor said the case demonstrates that free speech has limits. "
            "Shares of the company hit a record high on Monday. "
            "The governor said vaccines prevent epidemics. "
            "And I asked, well, on whose authority?")
    assert _events(body) == []
    [e] = _events("Police prevented civilians from leaving the camp on Sunday.")
    assert (e.type, e.mode) == ("COERCE", "restrict")
    [e] = _events("Police prevented the demonstration staged by students on Sunday.")
    assert (e.type, e.mode) == ("COERCE", "restrict")


@pytest.mark.slow
def test_deaths_in_accidents_and_disasters_are_no_assault() -> None:
    body = ("Three cousins were killed in a road accident near Mombasa on Friday. "
            "A delivery van hit a cyclist on Harbour Road on Tuesday. "
            "A pensioner died after being struck by a train in Leeds on Monday. "
            "Two workers were injured when a boiler exploded at the mill on Sunday. "
            "Floods swept through the valley on Saturday, killing eleven villagers.")
    assert [e for e in _events(body) if e.type in ("ASSAULT", "PROTEST")] == []
    # the same words with a weapon or a party behind them stay attacks
    for attack in ("Nine people were killed in rocket fire on the town on Friday.",
                   "Four people were wounded when a grenade exploded at the market on Friday.",
                   "Two army trucks hit roadside mines near the border on Friday.",
                   "A bus hit a landmine near Kandahar on Monday, killing ten passengers.",
                   "A protester was hit by a police van in Nairobi on Monday.",
                   "A driver shot a police officer in Leeds on Monday."):
        assert [e.type for e in _events(attack)] == ["ASSAULT"], attack
    # what happens after an accident is no accident
    assert [e.type for e in _events("Thousands protested in Athens on Monday after the "
                                    "deadly train crash.")] == ["PROTEST"]
    assert [e.type for e in _events("Taxi drivers blocked the main highway in Nairobi on "
                                    "Monday.")] == ["PROTEST"]


@pytest.mark.slow
def test_a_strike_as_a_blow_is_no_walkout() -> None:
    def coded(text: str) -> list[tuple[str, str | None]]:
        return [(e.type, e.mode) for e in _events(text)]

    # a blow of arms is an assault, one suffered no event
    assert coded("Drone strikes killed five militants in Waziristan on Monday.") == [
        ("ASSAULT", "drone")]
    assert [t for t, _ in coded("A rocket struck a hospital in Idlib on Monday.")] == [
        "ASSAULT"]
    assert [t for t, _ in coded("Israel struck Hezbollah targets in Lebanon on Monday.")] == [
        "ASSAULT"]
    assert coded("The dog was struck on Pleasant Street on Monday.") == []
    # walkouts stay strikes, with their employer, country, city or trade
    for walkout in ("Workers struck for higher pay at the port on Monday.",
                    "The United Auto Workers struck General Motors on Monday.",
                    "A French strike against pension reform shut schools on Monday.",
                    "A coal mine strike in Poland entered its second week on Monday."):
        assert coded(walkout) == [("PROTEST", "strike")], walkout


@pytest.mark.slow
def test_territory_taken_weapons_found_and_bases_set_up() -> None:
    def coded(text: str) -> list[tuple[str, str | None]]:
        return [(e.type, e.mode) for e in _events(text)]

    # CAMEO 192, occupy territory: a seizure; taken after fighting, an assault
    assert coded("Army units recaptured the village of Tal Kurdi from the rebels on Monday."
                 ) == [("COERCE", "seize")]
    assert coded("Militants took control of two districts in the north on Monday.") == [
        ("COERCE", "seize")]
    assert coded("Rebels captured the town of Kidal after heavy fighting on Sunday.") == [
        ("ASSAULT", None)]
    # not a place, or not taken by arms: no seizure
    assert coded("The chairman took control of the meeting on Monday.") == []
    assert coded("Labour gained control of Birmingham on Friday.") == []
    assert coded("The photographer captured the city at dawn on Monday.") == []
    # CAMEO 1711: weapons found, seized, defused
    assert coded("A cache of rifles and ammunition was found near the dam on Monday.") == [
        ("COERCE", "seize")]
    assert coded("Army engineers defused two landmines on the road to Marib on Monday.") == [
        ("COERCE", "seize")]
    assert coded("Divers found the wreck of a ship off the coast on Monday.") == []
    assert coded("Police found the owner of the gun on Monday.") == []
    assert coded("Police discovered a cache of drugs on Monday.") == []
    # heavy weapons destroyed in fighting stay an assault
    assert coded("Russian forces destroyed three Ukrainian tanks on Monday.") == [
        ("ASSAULT", "destroy")]
    # CAMEO 154: bases and posts set up are military posturing
    assert coded("Turkish troops set up a new observation post near Idlib on Monday.") == [
        ("MOBILIZE", "troops")]
    assert coded("The firm set up a new base in Manchester on Monday.") == []


@pytest.mark.slow
def test_minorities_administrations_and_places_by_other_names() -> None:
    [e] = _events("Ethnic Albanians in south Serbia demanded a U.N. presence on Monday.")
    assert [(a.country, a.sector) for a in e.actors] == [("SRB", "CVL")]
    [e] = _events("The Bush administration declared Tuesday that China must drop its barriers.")
    assert [(a.country, a.sector) for a in e.actors] == [("USA", "GOV")]
    [e] = _events("The Latvian Constitutional Court lifted restrictions on the Russian language.")
    assert [a.country for a in e.actors] == ["LVA"]
    [e] = _events("A well-known anti-Syria writer has been killed in a car bomb blast in a busy "
                  "district of mostly Christian east Beirut.")
    assert [a.name for a in e.recipients] == ["anti-Syria writer"]
    assert e.place is not None and e.place.country == "LBN"
    assert [(a.country, a.sector) for a in e.actors] == [("LBN", "UAF")]
    [e] = _events("A roadside bomb killed three soldiers outside the city of Basra on Sunday.")
    assert e.place is not None and (e.place.name, e.place.country) == ("Basrah", "IRQ")
    [e] = _events("Vietnamese-led forces launched artillery fire against camps near the border.")
    assert (e.type, [(a.name, a.country) for a in e.actors]) == (
        "ASSAULT", [("Vietnamese-led forces", "VNM")])


def test_sectors_of_officials_parties_and_nouns_only_words() -> None:
    from newsmill.events.actors import sector_of

    assert sector_of(["Russian", "official"]) == "GOV"  # a weak head with a sector of its own
    assert sector_of(["union", "officials"]) == "LAB"
    assert sector_of(["opposition", "parties"]) == "OPP"
    assert sector_of(["Saudi", "businessman"]) == "BUS"
    assert sector_of(["hostage-takers"]) == "CRM"
    assert sector_of(["career", "Army", "officer"]) == "MIL"  # not a police officer
    assert sector_of(["police", "officer"]) == "COP"


def test_places_known_by_a_compass_word_or_a_short_name() -> None:
    from newsmill.events.places import gazetteer

    gaz = gazetteer()
    names = ("western Cambodia", "east Bosnia", "Bosnia", "West Bank", "South Sudan")
    found = [gaz.locate(n) for n in names]
    assert [p.country if p else None for p in found] == ["KHM", "BIH", "BIH", "PSE", "SSD"]
    assert gaz.locate("northern Nowhereville") is None


@pytest.mark.slow
def test_groups_counted_peoples_and_general_strikes() -> None:
    [e] = _events("Tens of thousands of university students in Indonesia staged demonstrations.")
    assert [(a.name, a.country, a.sector) for a in e.actors] == [
        ("university students", "IDN", "EDU")]
    [e] = _events("Seven opposition parties in Nepal organized a general strike on Monday.")
    assert [(a.country, a.sector) for a in e.actors] == [("NPL", "OPP")]
    [e] = _events("Bosnian Serbs demanded a truce with Moslem forces in east Bosnia.")
    assert [(a.country, a.sector) for a in e.actors] == [("BIH", "CVL")]
    [e] = _events("Ethnic Albanian guerrillas fighting in Macedonia attacked a police station.")
    assert [(a.country, a.sector) for a in e.actors] == [("MKD", "REB")]


@pytest.mark.slow
def test_deeds_told_in_clauses_on_things_and_in_noun_phrases() -> None:
    body = "Militants said an explosive device that killed five civilians was theirs."
    assert "ASSAULT" in {e.type for e in _events(body)}
    [e] = _events("The rebel leader announced a four-month ceasefire on Monday.")
    assert (e.type, e.status) == ("RETREAT", "occurred")  # declared, as the PLOVER gold codes
    # "Hizbollah declared a unilateral ceasefire on Wednesday"
    body = "The minister's house in Mogadishu was targeted with a grenade attack on Sunday."
    assert "ASSAULT" in {e.type for e in _events(body)}
    body = "Two gang rape incidents have occurred in the district, police said on Monday."
    assert "ASSAULT" in {e.type for e in _events(body)}


@pytest.mark.slow
def test_police_deeds_with_their_doers_and_the_dead() -> None:
    body = "Mitra said on Monday that about 50 activists were apprehended near the temple."
    assert "COERCE" in {e.type for e in _events(body)}  # its own "that" is not "apprehend that"
    [e] = _events("A party supporter was killed in police firing in the town on Sunday.")
    assert e.dead == 1 and [a.sector for a in e.actors] == ["COP"]
    body = ("Out of this, 97 died in police firing, while the remaining were killed during "
            "other incidents.")
    [e] = [e for e in _events(body) if e.type == "ASSAULT"]
    assert [a.sector for a in e.actors] == ["COP"]  # the deed that names its doer
    body = ("Out of this, 97 died in police firing, while the remaining were killed during "
            "other incidents of mob violence.")  # each deed with its doers
    assert sorted(a.sector for e in _events(body) for a in e.actors) == ["COP", "CVL"]


@pytest.mark.slow
def test_arrests_of_people_and_the_hurt_are_not_doers() -> None:
    [e] = _events("Police held 50 persons in the town on Tuesday.")
    assert (e.type, e.mode) == ("COERCE", "arrest")
    assert "COERCE" not in {e.type for e in _events("The two sides held talks on Tuesday.")}
    assert "COERCE" not in {e.type for e in _events("The court held him responsible.")}
    assert "COERCE" not in {e.type for e in _events("The ruling party held its congress.")}
    [e] = _events("Two villagers died in an attack on the market on Sunday.")
    assert not e.actors and [a.name for a in e.recipients] == ["villagers"]  # not who attacked


@pytest.mark.slow
def test_what_things_do_is_not_an_event_and_a_warning_keeps_its_words() -> None:
    body = "Geopolitical tensions are threatening to put the brakes on growth."
    assert not _events(body)
    assert not _events("No evidence supports the theory, the coroner said.")
    assert [e.type for e in _events("Iran threatened to shell Iraqi towns.")] == ["THREATEN"]
    body = "The ambassador warned that China will not sit on its hands."
    [e] = _events(body)
    assert e.type == "THREATEN" and "will not sit on its hands" in e.evidence


@pytest.mark.slow
def test_promises_need_someone_who_promises_and_demands_someone_asked() -> None:
    assert not _events("Criminal suspects could be extradited to the mainland under the bill.")
    assert not _events("The weather should ease by Thursday, forecasters said.")


@pytest.mark.slow
def test_a_warning_is_a_threat_only_of_what_a_party_will_do() -> None:
    body = "The security chief warned that police will no longer tolerate rallies."
    assert [e.type for e in _events(body)] == ["THREATEN"]


@pytest.mark.slow
def test_a_day_told_without_an_event_still_sets_the_story_time() -> None:
    body = ("On Sunday, the newspaper said there was no room for compromise. "
            "Police fired tear gas at protesters outside the university.")
    [e] = _events(body)
    assert (e.type, e.date) == ("ASSAULT", "2019-06-09")


@pytest.mark.slow
def test_both_sides_of_a_clash_and_a_deed_told_again_without_parties() -> None:
    body = "Violent clashes erupted between protesters and security forces in Bolivia."
    [e] = _events(body)
    assert {(a.country, a.sector) for a in e.actors} == {("BOL", "CVL"), ("BOL", "MIL")}
    body += " The deaths were caused by gunshot wounds, the ombudsman said."


@pytest.mark.slow
def test_agreeing_with_a_view_is_not_an_agreement() -> None:
    body = "The two sides agreed that talks would resume in Geneva next week."
    assert [e.type for e in _events(body)] == ["AGREE"]
    body = "The US Congress agreed to lift embargoes on Iran, with strings attached."
    assert [e.type for e in _events(body)] == ["AGREE"]


@pytest.mark.slow
def test_a_call_is_a_request_only_for_something() -> None:
    assert not _events("Dispatchers received several 911 calls about a fight on the train.")
    body = "Opposition leaders renewed their call for the president to resign."
    assert [e.type for e in _events(body)] == ["REQUEST"]


@pytest.mark.slow
def test_no_arrests_and_nobody_arrested_are_denied() -> None:
    for body in ("No arrests have been made.", "Nobody was arrested during the march.",
                 "Not a single activist has been arrested so far.",
                 "Police arrested no protesters on Sunday."):
        assert not [e for e in _events(body) if e.type == "COERCE"], body
        with rules.switched_off({"denied-not-news"}):
            assert [e.status for e in _events(body) if e.type == "COERCE"] == ["denied"], body


@pytest.mark.slow
def test_sentence_labels_keep_the_deed_an_accusation_is_about() -> None:
    body = "The committee alleged that its president had been detained by police on Sunday."
    assert [e.type for e in _events(body)] == ["ACCUSE"]  # news: the accusation
    assert {e.type for e in _events(body, each_mention=True)} == {"ACCUSE", "COERCE"}


def test_landmarks_stand_for_their_city_not_a_namesake() -> None:
    gaz = gazetteer()
    white_house = gaz.locate("the White House")  # an other name of Casablanca too
    assert white_house is not None and (white_house.name, white_house.country) == (
        "Washington", "USA")
    assert gaz.locate("Kremlin").country == "RUS"  # type: ignore[union-attr]


@pytest.mark.slow
def test_the_story_s_setting_from_its_dateline_and_where_things_happen() -> None:
    # a dateline names where the story is: more than the country talked about
    [e] = _events("NEW DELHI: Nearly 150 Indians were deported by the United States, the "
                  "United States said. The United States flew them home.")
    assert e.place is not None and e.place.country == "IND"
    # "in Afghanistan" tells where; "American" and "Australian" tell whose
    events = _events("An American and an Australian held in Afghanistan since 2016 were "
                     "released on Tuesday. The American professor thanked the American embassy.")
    assert [e.type for e in events] == ["RETREAT", "SUPPORT"]
    assert {e.place.country if e.place else None for e in events} == {"AFG"}
    # a place named through its country ("in Syria's al-Tanf"), not the forces' nationality
    [e] = _events("The ministries accused U.S. forces in southern Syria's al-Tanf of "
                  "disrupting the plan.")
    assert e.place is not None and e.place.country == "SYR"
    # a party "from" a place is of that place, which is not where the deed happened
    [e] = _events("A Christian missionary from Calgary was arrested by police in Beirut.")
    assert [a.country for a in e.recipients] == ["CAN"]
    assert e.place is not None and e.place.country == "LBN"


@pytest.mark.slow
def test_courts_and_prosecutors_do_what_nobody_is_named_for() -> None:
    [e] = _events("Two prison officers in Ohio were charged on Tuesday with falsifying records.")
    assert [(a.name, a.country, a.sector) for a in e.actors] == [("prosecutors", "USA", "JUD")]
    [e] = _events("Webb was sentenced to life in prison in Texas on Monday.")
    assert (e.type, [a.sector for a in e.actors]) == ("SANCTION", ["JUD"])
    # not for a charge of the police ("lathi charge"): the police's
    [e] = _events("A lathi charge on the marchers in Patna left ten injured on Monday.")
    assert [a.sector for a in e.actors] == ["COP"]
    # who does the main clause does what it does "before" or "by" doing
    [e] = _events("A federal jury in Fort Worth deliberated for ten minutes before convicting "
                  "Webb of kidnapping.")
    assert [(a.name, a.sector) for a in e.actors] == [("federal jury", "JUD")]
    [e] = _events("Snipers shot into crowds from rooftops in Tehran.")
    assert [(a.country, a.sector) for a in e.actors] == [("IRN", "MIL")]
    # a stabbing or an abduction nobody is named for: unidentified attackers where it happened
    [e] = _events("A journalist was kidnapped in Kabul on Monday.")
    assert [(a.country, a.sector) for a in e.actors] == [("AFG", "UAF")]
    # an implied doer does not make a possible deed news ("could set fires")
    found = _events("Power lines that could set catastrophic fires in the region were shut off.")
    assert [e.type for e in found] == ["COERCE"]


@pytest.mark.slow
def test_one_event_per_type_and_doers_and_a_clause_with_its_own_subject() -> None:
    # two deeds of one type by different doers are two events
    found = _events("While six people were injured in police firing in Surat, 12 people were "
                    "killed by the rioters.")
    assert sorted(a.sector for e in found for a in e.actors) == ["COP", "CVL"]
    # the same doers told twice are one
    [e] = _events("Two bombers killed 23 people on Sunday when they blew themselves up in Tel "
                  "Aviv in the worst attack in years.")
    # a past participle with a subject of its own is no passive ("had reached")
    [e] = _events("Despite the news that the United States and China had reached a trade "
                  "agreement, signing a deal has proved elusive.")
    assert (e.type, [a.country for a in e.actors]) == ("AGREE", ["USA", "CHN"])


@pytest.mark.slow
def test_being_in_custody_and_recommending_a_deed_are_not_deeds() -> None:
    assert _events("The deaths of three children in federal custody drew criticism.") == []
    assert _events("Guidelines recommend holding people no longer than 72 hours.") == []
    [e] = _events("He is in custody, police said on Monday.")  # a state of the one held
    assert e.type == "COERCE"
    [e] = _events("The agency began detaining migrants at the border on Monday.")
    assert e.type == "COERCE"
    [e] = _events("Police kept detaining protesters in the capital on Monday.")
    assert e.type == "COERCE"


@pytest.mark.slow
def test_sentence_labels_count_deeds_told_before_without_their_clause_doers() -> None:
    body = "The arrests followed immediately after the visit of the home minister."
    events = _events(body, each_mention=True)  # a sentence about the arrests (and the visit
    [e] = [e for e in events if e.type == "COERCE"]  # they came after, a happening of its own)
    assert (e.type, [a.sector for a in e.actors]) == ("COERCE", ["COP"])
    body = "In the wake of the attack on the train, the police sounded a state-wide alert."
    [e] = [e for e in _events(body, each_mention=True) if e.type == "ASSAULT"]
    assert e.actors == ()  # not the police's attack


@pytest.mark.slow
def test_both_sides_of_a_two_sided_deed_are_actors() -> None:
    [e] = _events("One man was killed in Surat on Monday when a mob clashed with the police.")
    assert (e.type, sorted(a.sector for a in e.actors)) == ("ASSAULT", ["COP", "CVL"])
    [e] = _events("The police fired on protesters with rubber bullets in Lagos on Monday.")
    assert [a.sector for a in e.actors] == ["COP"]  # one-sided: the fired-on are recipients


@pytest.mark.slow
def test_they_of_a_main_clause_is_the_group_of_the_sentence_before() -> None:
    # inside its own sentence a "they" is not sent back
    [e] = _events("Police had trouble reaching the market in Surat on Monday. "
                  "The crowd grew, and residents said that they saw officers beat a boy.")
    assert [a.sector for a in e.actors] == ["COP"]


@pytest.mark.slow
def test_a_year_that_dates_what_a_deed_is_about_does_not_make_it_history() -> None:
    body = ("Sweden has dropped its investigation into a 2010 rape allegation against Julian "
            "Assange. He had been facing the charge in Sweden since 2010, and it was dropped "
            "in 2017.")
    events = _events(body, published=None)
    assert [(e.type, e.evidence.split()[0]) for e in events] == [("CONCEDE", "Sweden")]
    assert events[0].place is not None and events[0].place.country == "SWE"  # at home
    assert _events("Israel seized the territories in the 1967 war.") == []  # history


@pytest.mark.slow
def test_security_forces_are_police_when_they_repress_civilians() -> None:
    [e] = _events("Security forces fired on protesters in Baghdad on Monday.")
    assert [a.sector for a in e.actors] == ["COP"]
    [e] = _events("Security forces killed ten militants in Kashmir on Monday.")
    assert [a.sector for a in e.actors] == ["MIL"]


@pytest.mark.slow
def test_a_reaction_takes_the_story_s_place_not_the_speaker_s_home() -> None:
    body = ("Police fired tear gas at protesters in Hong Kong on Sunday. "
            "The UK has urged an end to the violence in the city.")
    events = {e.type: e for e in _events(body)}
    assert events["REQUEST"].place is not None and events["REQUEST"].place.country == "HKG"
    [e] = _events("Russia's foreign ministry condemned the decision on Tuesday.")
    assert [(a.country, a.sector) for a in e.actors] == [("RUS", "GOV")]


@pytest.mark.slow
def test_rounds_that_had_to_be_fired_are_a_firing() -> None:
    [e] = _events("Police said six rounds had to be fired in Surat on Monday.")
    assert (e.type, e.mode) == ("ASSAULT", "firearms")


@pytest.mark.slow
def test_a_meeting_where_a_deed_happened_and_protests_amid_which_are_no_news() -> None:
    events = _events("Trump recounted the figures in a cabinet meeting on Monday.")
    assert "CONSULT" not in {e.type for e in events}
    events = _events("The trip was cancelled on Monday because of protests in Santiago.")
    assert "PROTEST" not in {e.type for e in events}
    [e] = _events("Trump and Xi held a meeting in Osaka on Monday.")
    assert e.type == "CONSULT"  # the meeting is what the clause tells


@pytest.mark.slow
def test_a_month_is_no_march() -> None:
    events = _events("Carlineo was arrested in April for a March 21 phone call to the office.")
    assert [e.type for e in events] == ["COERCE"]


@pytest.mark.slow
def test_a_reported_must_is_a_demand_unless_the_speaker_owes_it() -> None:
    [e] = _events("Russia said Sudan must return the helicopter.")
    assert e.type == "REQUEST" and [a.country for a in e.actors] == ["RUS"]
    assert _events('"We must teach the defendant love," Omar wrote in a letter.') == []


def test_a_common_noun_the_model_took_for_a_name_is_still_a_word() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from newsmill.events.triggers import _in_name

    doc = Doc(Vocab(), words=["Protests", "broke", "out", "at", "Amnesty", "International"],
              pos=["NOUN", "VERB", "ADP", "ADP", "PROPN", "PROPN"],
              ents=["B-NORP", "O", "O", "O", "B-ORG", "I-ORG"])
    assert [_in_name(t) for t in doc] == [False, False, False, False, True, True]


@pytest.mark.slow
def test_a_protest_told_under_its_dateline_with_what_it_calls_for() -> None:
    [e] = _events("Indianapolis – Several thousand teachers surrounded the Indiana Statehouse "
                  "on Tuesday to call for better pay in a protest that closed schools for the "
                  "day.", published="2019-11-19")
    assert (e.type, e.status, e.date) == ("PROTEST", "occurred", "2019-11-19")
    assert [a.sector for a in e.actors] == ["EDU"]  # the teachers, not the dateline


@pytest.mark.slow
def test_stone_throwing_is_a_riot_unless_the_police_throw() -> None:
    events = _events("Youths threw stones at a bus in Hebron on Monday.")
    assert [(e.type, e.mode) for e in events] == [("PROTEST", "riot")]
    [e] = _events("Villagers said the police began pelting stones in Surat on Monday.")
    [e] = _events("Riot police were smashing the windows of cars in Tehran on Monday.")
    assert (e.type, e.mode) == ("ASSAULT", "destroy")


@pytest.mark.slow
def test_who_and_where_clauses_describe_unless_they_go_on_with_the_story() -> None:
    assert _events("He was the successor to Nazarbayev who unexpectedly resigned after 30 "
                   "years in office.") == []
    events = _events("Officials ordered an inquiry at the facility where Epstein was held.")
    assert "COERCE" not in {e.type for e in events}
    events = _events("Protesters gathered in the square in Tehran on Monday, where police "
                     "fired tear gas at them.")
    assert "ASSAULT" in {e.type for e in events}


@pytest.mark.slow
def test_one_party_named_more_or_less_fully_is_one_doer_of_a_happening() -> None:
    body = ("Federal prosecutors charged two prison officers in New York on Tuesday. "
            "Prosecutors charged two prison officers with falsifying records.")
    assert [e.type for e in _events(body)] == ["ACCUSE"]


@pytest.mark.slow
def test_what_may_have_happened_is_hypothetical_even_when_reported() -> None:
    events = _events("His brother said the financier may have been murdered in his cell.")
    assert all(e.status == "hypothetical" for e in events if e.type == "ASSAULT")


@pytest.mark.slow
def test_a_denied_deed_does_not_swallow_one_that_happened() -> None:
    events = _events("Not one of the 800 arrested for violence in Ahmedabad has been booked "
                     "under the new law.", each_mention=True)
    assert sorted(e.status for e in events if e.type == "COERCE") == ["denied", "occurred"]


@pytest.mark.slow
def test_places_named_through_of_and_towns_taken_for_peoples() -> None:
    for body, country in (
            ("Three US servicemen were killed by a bomb outside of the Iraqi city of Basra "
             "on Monday.", "IRQ"),
            ("A roadside bombing near the town of Samarra on Sunday killed one U.S. soldier.",
             "IRQ"),
            ("Afghan rebels kidnapped 16 advisers from a bazaar in the capital Kabul on "
             "Monday, diplomatic sources in Pakistan said.", "AFG"),
            ("Vietnamese-led forces attacked a village in Western Cambodia on Monday.", "KHM"),
            ("Russian aircraft killed 46 civilians in an attack on a village in the province "
             "of Herat.", "AFG")):
        e = _events(body)[0]
        assert e.place is not None and e.place.country == country, body


@pytest.mark.slow
def test_an_accusation_or_a_refusal_foretold_is_none_yet() -> None:
    assert _events("Many in Hong Kong will deplore that decision.") == []
    assert _events("Beijing will angrily dismiss any criticism from Britain.") == []
    [e] = _events("Beijing angrily dismissed the criticism from Britain on Monday.")
    assert e.type == "REJECT"


@pytest.mark.slow
def test_what_might_not_have_been_agreed_is_no_refusal() -> None:
    events = _events("The threats forced China into concessions it might not otherwise have "
                     "agreed to.")
    assert "REJECT" not in {e.type for e in events}
    [e] = _events("Iran refused to attend the talks in Geneva on Monday.")
    assert e.type == "REJECT"


@pytest.mark.slow
def test_who_is_blamed_for_a_deed_did_it() -> None:
    events = _events("The party criticised the police for opening fire on the crowd at Taldi "
                     "on Monday.", each_mention=True)
    [fired] = [e for e in events if e.type == "ASSAULT"]
    assert [a.sector for a in fired.actors] == ["COP"]


@pytest.mark.slow
def test_sentence_labels_count_a_backdrop_deed_too() -> None:
    body = ("The district has been witnessing riots since Friday evening, when the police had "
            "to fire 31 rounds to disperse a mob.")
    assert "ASSAULT" in {e.type for e in _events(body, each_mention=True)}
    habit = "In this country the police routinely torture people in custody."
    assert [e.type for e in _events(habit, each_mention=True)] == ["ASSAULT"]
    told = "Police fired on a mob in Surat. Officials were informed about the arrests."
    assert [e.type for e in _events(told, each_mention=True)][-1:] == ["COERCE"]


@pytest.mark.slow
def test_sentence_labels_of_a_deed_told_again_asked_for_or_long_past() -> None:
    body = ("Police opened fire on a mob in Vadodara. A crowd threw stones at a bus. "
            "However, no one was hurt in the firing.")
    [*_, again] = [e for e in _events(body, each_mention=True) if e.type == "ASSAULT"]
    assert "the firing" in again.evidence and [a.sector for a in again.actors] == ["COP"]
    violence = "Police opened fire on a mob in Vadodara. Nobody was hurt in the violence."
    assert all(e.actors == () for e in _events(violence, each_mention=True)
               if "violence" in e.evidence)  # not the last firing: any deed
    asked = "The meeting demanded the arrest of the party's leaders in Patna."
    assert "COERCE" not in {e.type for e in _events(asked, each_mention=True)}
    released = "The council urged the state to free the arrested pilgrims in Patna."
    assert "COERCE" in {e.type for e in _events(released, each_mention=True)}
    past = "The officer was arrested in 1993 for his role in the riots, records from 2001 show."
    assert "COERCE" in {e.type for e in _events(past, published=None, each_mention=True)}
    swift = "Two men were stabbed and the police acted swiftly to arrest a local activist."
    assert "COERCE" in {e.type for e in _events(swift)}
    held = "Four were held in connection with the burning of a truck in Patna."
    assert [e.type for e in _events(held)] == ["COERCE"]


@pytest.mark.slow
def test_who_acts_with_the_doer_and_what_an_article_says_a_person_is() -> None:
    [e] = _events("The army, together with the state police, arrested 40 people in Surat.")
    [e] = _events("Soldiers along with companies of the state police detained 12 men in Surat.")
    body = ("Police chiefs such as Arvind Rao have spoken out. In 1985 Rao arrested five "
            "party leaders in Surat.")
    [e] = _events(body, each_mention=True)
    assert (e.actors[0].name, e.actors[0].sector) == ("Arvind Rao", "COP")
    helped = "A mob attacked the village. Some policemen helped in the killings, witnesses said."
    assert [a.sector for e in _events(helped, each_mention=True) if "helped" in e.evidence
            for a in e.actors] == ["COP"]


@pytest.mark.slow
def test_people_held_or_booked_by_name_or_by_role() -> None:
    [e] = _events("Ansari is currently held by the Gujarat police.")
    assert (e.type, e.mode, [a.sector for a in e.actors]) == ("COERCE", "arrest", ["COP"])
    [e] = _events("Tyagi, a former police officer, was booked for murder in Mumbai.")
    assert (e.type, e.mode) == ("COERCE", "arrest")
    assert "COERCE" not in {e.type for e in _events(
        "Thousands gathered on the river bank to hold Ijtama, a religious congregation.")}


@pytest.mark.slow
def test_a_right_to_protest_is_no_protest() -> None:
    body = "Many people in Almaty want to exercise their right to peaceful protest."
    assert "PROTEST" not in {e.type for e in _events(body)}
    assert "PROTEST" in {e.type for e in _events("Many people in Almaty joined a peaceful "
                                                 "protest on Sunday.")}


@pytest.mark.slow
def test_what_may_must_or_would_have_happened_did_not() -> None:
    [e] = [e for e in _events("He was pleased to see the police arrest the leaders in Surat.")
           if e.type == "COERCE"]
    assert e.status == "occurred"
    [e] = _events("Police in Surat said they had arrested 12 people.")
    assert e.status == "occurred"


@pytest.mark.slow
def test_a_sentence_a_charge_carries_and_declining_to_comment_are_no_events() -> None:
    assert _events("Each of the charges carries a maximum sentence of five years.") == []
    assert _events("A spokesman declined to address whether the guard slept on the job.") == []
    [e] = _events("A court in Almaty sentenced him to five years on Monday.")
    assert e.type == "SANCTION"


@pytest.mark.slow
def test_a_deed_on_the_calendar_by_the_subject_after_the_dateline() -> None:
    body = ("SAN FRANCISCO (AP) — Pacific Gas & Electric Co. was set to begin shutting off "
            "power Wednesday to some 375,000 people in California.")
    [e] = _events(body)
    assert (e.type, e.status) == ("COERCE", "planned")  # due, not threatened
    assert [(a.name, a.sector) for a in e.actors] == [("Pacific Gas & Electric Co.", "BUS")]
    [e] = _events("NEW DELHI: A Delhi court on Monday rejected the bail plea of the leader.")
    assert [a.sector for a in e.actors] == ["JUD"]  # not the dateline
    [e] = _events("Police in Almaty threatened to arrest the leaders on Monday.")
    assert e.type == "THREATEN"


@pytest.mark.slow
def test_going_on_struck_down_and_called_off() -> None:
    [e] = _events("Officials of the two countries continue to negotiate in Geneva.")
    assert e.type == "CONSULT"
    strike = _events("Farmers continued their hunger strike to demand higher prices.")
    assert [e.type for e in strike] == ["PROTEST"]  # the demand is what the strike is for
    [e] = _events("A court in Hong Kong declared the mask ban unconstitutional on Monday.")
    assert e.type == "SANCTION"
    [e] = _events("President Trump canceled an increase in tariffs on Chinese goods.")
    assert e.type == "CONCEDE"


@pytest.mark.slow
def test_plover_words_for_defending_ties_mediation_pressure_and_refuge() -> None:
    def types(body: str) -> set[str]:
        return {e.type for e in _events(body)}

    assert "SUPPORT" in types("Arafat defended Iraq on Friday against Western criticism.")
    [e] = _events("Sri Lanka has established diplomatic ties with Iran, the ministry said.")
    assert (e.type, e.actors[0].country) == ("SUPPORT", "LKA")  # not a person
    assert "CONSULT" in types("Qatar's emir launched mediation between the Emirates and "
                              "Saudi Arabia on Saturday.")
    assert "REQUEST" in types("Iranian authorities have been pressuring bus workers to cancel "
                              "their strike.")
    [e] = _events("Some 800,000 Iraqi Kurds sought refuge in Germany last month.")
    assert (e.type, e.actors[0].country) == ("REQUEST", "IRQ")  # not the country they fled to
    assert "MOBILIZE" in types("Israel has strengthened its forces in Lebanon, sources said.")
    called_off = types("The NUT announced that it has called off a four-day strike.")
    assert called_off == {"CONCEDE"}  # not a strike threatened ("call it" is no pair here)


@pytest.mark.slow
def test_grants_and_troops_offered_are_aid_agreed() -> None:
    [e] = _events("Finland will give Tanzania a grant of 580 million shillings next year.")
    assert (e.type, e.status, e.actors[0].country) == ("AGREE", "planned", "FIN")
    [e] = _events("France is ready to contribute up to 4,000 troops to a force in Liberia.")
    assert e.type == "AGREE"
    [e] = _events("Japan gave Tanzania a grant of 50 million dollars on Monday.")
    assert (e.type, e.status) == ("AID", "occurred")


@pytest.mark.slow
def test_who_is_caught_and_deported_or_in_custody_undergoes_it() -> None:
    [e] = [e for e in _events("Ali Khan was caught by police near the border and deported to "
                              "Pakistan, officials said.") if e.mode == "deport"]
    [e] = _events("Officers stormed the flat and found the suspect, Omar Diaz. He is in custody.")
    assert [a.sector for a in e.actors] == ["COP"] and "Diaz" not in str(e.actors)
    # a paper that reports an arrest is not the one arrested
    [e] = _events("The San Francisco Chronicle says police are looking into the fight. The "
                  "Chronicle says he was arrested a block away.")
    assert "Chronicle" not in str(e.recipients)
    [e] = _events("Officers were able to apprehend a suspect.")
    assert [(a.name, a.sector) for a in e.recipients] == [("suspect", "CVL")]
    # the same arrest told again without its arrested is one event
    events = _events("Police arrested five protesters in London on Thursday. After the arrest by "
                     "police, a lawyer spoke to reporters.")
    assert len([e for e in events if e.type == "COERCE"]) == 1


@pytest.mark.slow
def test_deeds_begun_or_going_on_in_an_infinitive_and_the_two_sides() -> None:
    [e] = _events("Police began to arrest protesters in Almaty on Sunday.")
    assert (e.type, e.status, e.date) == ("COERCE", "occurred", "2019-06-09")
    assert e.evidence.startswith("Police began")
    assert all(e.status != "occurred" for e in _events("Police will begin to arrest protesters."))
    body = ("China and the United States are in talks on trade. Beijing wants tariff cuts, "
            "Washington says. The two sides continue to negotiate, officials said.")
    [e] = [e for e in _events(body) if e.type == "CONSULT" and "sides" in e.evidence]
    assert e.evidence == "The two sides continue to negotiate"
    assert sorted(a.country for a in e.actors) == ["CHN", "USA"]


@pytest.mark.slow
def test_a_call_made_repeatedly_on_one_occasion_and_a_deal_chosen_not_to_accept() -> None:
    [e] = _events("Senator Ben Sasse told the director, repeatedly calling for an explanation.")
    assert e.type == "REQUEST" and [a.name for a in e.actors] == ["Ben Sasse"]
    [e] = _events("The minister chose not to accept the offer.")
    assert (e.type, e.status) == ("REJECT", "occurred")
    assert e.evidence == "The minister chose not to accept the offer"
    [e] = _events("The mob forced police to open fire.")
    assert e.evidence.startswith("The mob forced")


@pytest.mark.slow
def test_a_deed_told_again_without_its_doer_is_one_event() -> None:
    body = ("The Latest on a deadly stabbing on a San Francisco Bay Area commuter train.\n\n"
            "A man has been stabbed to death on a San Francisco Bay Area commuter train during "
            "a fight, a transit chief says.")
    # two arrests of different people by unnamed police stay two
    body = "Six men were arrested in Leeds on Monday. Two women were arrested in Leeds on Monday."
    assert len([e for e in _events(body) if e.type == "COERCE"]) == 2


@pytest.mark.slow
def test_what_a_charge_or_a_conviction_says_is_not_news_of_its_own() -> None:
    # labelling sentences, each deed told counts
    assert "THREATEN" in {e.type for e in _events(
        "A New York man pleaded guilty to charges he threatened to kill a senator.",
        each_mention=True)}


@pytest.mark.slow
def test_calling_a_deed_illegal_or_regretting_it_disapproves() -> None:
    [e] = _events("The EU reiterated it still considers all settlement activity illegal.")
    assert (e.type, e.mode) == ("ACCUSE", "disapprove") and [a.name for a in e.actors] == ["EU"]
    [e] = _events("The French foreign ministry said it regrets the decision.")
    assert e.type == "ACCUSE" and [a.country for a in e.actors] == ["FRA"]
    assert not _events("I regret to say that the team lost.")


@pytest.mark.slow
def test_allowing_concedes_deciding_does_and_arms_sent_are_aid() -> None:
    [e] = _events("The Ivory Coast's Supreme Court decided to allow candidate Alassane Ouattara "
                  "to participate in the elections.")
    assert (e.type, e.status) == ("CONCEDE", "occurred")
    assert [a.country for a in e.actors] == ["CIV"]  # "The Ivory Coast's", tagged with its "'s"
    assert not [e for e in _events("A trade war offers Mr. Trump some advantages: it allows him "
                                   "to keep a tough stance.") if e.type == "CONCEDE"]
    [e] = _events("The United States is providing military intelligence to Macedonia.")
    assert e.type == "AID" and [a.country for a in e.actors] == ["USA"]


@pytest.mark.slow
def test_a_year_in_a_joined_clause_of_its_own_does_not_make_a_deed_history() -> None:
    events = _events("German Foreign Minister Oskar Fischer will visit Albania in June, the first "
                     "Warsaw Pact foreign minister to do so since Tirana split with Moscow in "
                     "1961, the Albanian embassy said.", published="1989-01-01")
    assert [e.type for e in events] == ["AGREE"]  # a visit promised


@pytest.mark.slow
def test_people_held_by_the_thousand_are_held() -> None:
    [e] = _events("The Sri Lankan army has been holding thousands of Tamil refugees in camps.")
    assert (e.type, e.mode) == ("COERCE", "arrest")
    assert [a.sector for a in e.recipients] == ["REF"]
    assert all(e.type != "COERCE" for e in _events("They held thousands of meetings."))


@pytest.mark.slow
def test_a_fight_sworn_is_a_threat_told_by_its_vow() -> None:
    [e] = _events("Ethnic Albanians have sworn to fight until they gain control of villages near "
                  "the border, officials said.")
    assert (e.type, e.status) == ("THREATEN", "planned")
    assert e.evidence.startswith("Ethnic Albanians have sworn to fight")


@pytest.mark.slow
def test_a_bill_that_would_allow_a_deed_concedes_nothing() -> None:
    body = ("Hundreds of thousands of people marched through central Hong Kong on Sunday, "
            "demanding that the city's leader withdraw a bill that would allow extraditions to "
            "mainland China.")
    assert "CONCEDE" not in {e.type for e in _events(body)}


@pytest.mark.slow
def test_a_hyphenated_nationality_is_one_party_of_its_country() -> None:
    body = ("The United States expects intra-Afghan peace negotiations will begin in Doha, the "
            "State Department said.")  # "hopes" they will: a wish, no event
    [talks] = [e for e in _events(body) if "negotiations" in e.evidence]
    assert [(a.name, a.country) for a in talks.actors] == [("intra-Afghan", "AFG")]


@pytest.mark.slow
def test_a_deed_that_is_its_clauses_subject_is_not_its_own_doer() -> None:
    body = ("He was the handpicked successor to president Nursultan Nazarbayev who unexpectedly "
            "resigned after nearly 30 years in office.\n\nProtests broke out in Kazakhstan on "
            "Sunday as the country headed to the polls.")  # "Protests" tagged as a people
    [e] = _events(body)
    assert (e.type, [(a.name, a.country, a.sector) for a in e.actors]) == (
        "PROTEST", [("protesters", "KAZ", "CVL")])
    [clash] = _events("Violent clashes erupted between supporters of Evo Morales and security "
                      "forces in Bolivia on Friday.")
    assert clash.actors and not any("clash" in a.name.lower() for a in clash.actors)


@pytest.mark.slow
def test_force_on_a_crowd_nobody_is_named_for_is_the_polices() -> None:
    [e] = _events("At least 106 protesters in 21 cities have been killed in Iran, according to "
                  "Amnesty International.")
    assert (e.type, [(a.name, a.country, a.sector) for a in e.actors]) == (
        "ASSAULT", [("police", "IRN", "COP")])
    [bomb] = _events("A car bomb killed 12 protesters in Baghdad on Friday.")
    assert [a.sector for a in bomb.actors] == ["UAF"]  # a mode with a doer of its own


@pytest.mark.slow
def test_a_holding_that_goes_on_is_told_even_where_it_is_asked_for() -> None:
    body = ("“we need to keep ansari in our custody for the purpose of investigation,” the "
            "officer appealed.")
    assert "COERCE" in {e.type for e in _events(body, each_mention=True)}
    assert "COERCE" not in {e.type for e in _events(  # a deed asked for is not done
        "“we need to arrest ansari for the purpose of investigation,” the officer appealed.",
        each_mention=True)}


@pytest.mark.slow
def test_a_section_of_a_group_is_the_group_and_a_flag_march_is_a_show_of_force() -> None:
    body = ("A section of the police helped in the killings, while the army held flag marches, "
            "he said.")
    kinds = {(e.type, tuple(a.sector for a in e.actors)) for e in _events(body, each_mention=True)}
    assert ("ASSAULT", ("COP",)) in kinds and ("MOBILIZE", ("MIL",)) in kinds
    assert not any(kind == "PROTEST" for kind, _ in kinds)


@pytest.mark.slow
def test_a_hyphenated_pair_of_parties_is_both_sides() -> None:
    [clash] = _events("Police-protester clashes left ten injured in Santiago on Friday.")
    assert {(a.name.lower(), a.sector) for a in clash.actors} == {
        ("police", "COP"), ("protester", "CVL")}
    [talks] = _events("India-Pakistan negotiations began in Delhi on Monday.")
    assert [a.country for a in talks.actors] == ["IND", "PAK"]
    [strike] = _events("Coca-Cola workers went on strike in Delhi on Monday.")  # one name
    assert [a.name for a in strike.actors] == ["Coca-Cola workers"]


@pytest.mark.slow
def test_a_thing_put_at_risk_is_not_threatened() -> None:
    for threat in ("Bush threatened further action against Russia on Monday.",
                   "Iran threatened sanctions on Monday.",
                   "Rebels threatened the capital on Monday."):
        assert "THREATEN" in {e.type for e in _events(threat)}, threat


@pytest.mark.slow
def test_asked_to_convey_and_anything_asked_are_no_requests() -> None:
    for body in ("The State Department said that Weeks' family had asked to convey its own "
                 "relief and gratitude.",
                 "Ambassador Sondland replied that President Zelensky will do anything you ask "
                 "him to."):
        assert "REQUEST" not in {e.type for e in _events(body)}, body
    assert "REQUEST" in {e.type for e in _events("The family asked police to release the man.")}


@pytest.mark.slow
def test_what_a_theory_suggests_is_not_news() -> None:
    assert "ASSAULT" in {e.type for e in _events("Police said he had been murdered.")}


@pytest.mark.slow
def test_a_grabbed_child_is_abducted_by_the_person_the_article_names() -> None:
    body = ("Michael Webb was sentenced to life in prison on Monday. According to evidence "
            "presented at trial, Webb grabbed the little girl as she and her mother were walking "
            "down the avenue.")
    [grab] = [e for e in _events(body) if e.type == "ASSAULT"]
    assert grab.mode == "abduct" and [a.name for a in grab.actors] == ["Michael Webb"]
    assert [a.sector for a in grab.recipients] == ["CVL"]


@pytest.mark.slow
def test_the_possessor_of_an_arrest_underwent_it() -> None:
    body = ("Julian Assange was in London. Following Assange's arrest in the UK, a lawyer asked "
            "for the investigation to be resumed.")
    [arrest] = [e for e in _events(body) if e.type == "COERCE"]
    assert [a.sector for a in arrest.actors] == ["COP"]
    assert [a.name for a in arrest.recipients] == ["Julian Assange"]
    [crackdown] = _events("China's crackdown on protesters in Xinjiang drew criticism on Monday.")
    assert [a.country for a in crackdown.actors] == ["CHN"]  # a doer's deed


@pytest.mark.slow
def test_describing_a_deed_as_improper_or_being_angry_at_it_disapproves() -> None:
    for body in ("Lt. Col. Alexander Vindman described the call as improper on Tuesday.",
                 "Officials were angry at the decision on Monday."):
        assert [(e.type, e.mode) for e in _events(body)] == [("ACCUSE", "disapprove")], body


@pytest.mark.slow
def test_taking_to_the_streets_is_a_protest_or_for_an_army_a_deployment() -> None:
    [march] = _events("Thousands of students took to the streets of Santiago on Friday.")
    assert (march.type, [a.sector for a in march.actors]) == ("PROTEST", ["EDU"])
    [army] = _events("In Hong Kong, the People's Liberation Army took to the city's streets to "
                     "clear barricades this weekend.")
    assert [(a.country, a.sector) for a in army.actors] == [("CHN", "MIL")]
    [rally] = _events("Police officers held a rally in Paris on Tuesday to demand better pay.")
    assert rally.type == "PROTEST"  # police who demonstrate are not deployed


@pytest.mark.slow
def test_who_crushes_a_protest_is_not_its_doer() -> None:
    body = ("Iranian security forces used excessive force to crush largely peaceful protests in "
            "more than 100 cities across Iran.")
    [protest] = [e for e in _events(body) if e.type == "PROTEST"]
    assert [a.sector for a in protest.actors] == ["CVL"]
    [strike] = _events("Workers at the Renault plant in Flins ended a three-week strike on "
                       "Monday.")  # who ends a strike is most often who struck
    assert [a.sector for a in strike.actors] == ["LAB"]


@pytest.mark.slow
def test_what_a_protest_is_against_is_not_its_doer() -> None:
    [protest] = _events("Thousands joined anti-government protests in Baghdad on Friday.")
    assert [(a.name, a.sector) for a in protest.actors] == [("protesters", "CVL")]


@pytest.mark.slow
def test_a_participle_with_its_own_subject_is_done_to_that_subject() -> None:
    wanted = _events("The opposition wants the minister arrested, its leader said on Monday.")
    assert not [e for e in wanted if e.type == "COERCE" and e.status == "occurred"], \
        "a wish, and the minister is not the arrester"
    [seen] = [e for e in _events("Witnesses saw the activist detained by soldiers on Monday.")
              if e.type == "COERCE"]
    assert [a.sector for a in seen.actors] == ["MIL"]
    assert [a.name for a in seen.recipients] == ["activist"]


@pytest.mark.slow
def test_a_verb_joined_to_a_modal_one_shares_its_mood() -> None:
    body = "The culprits must be arrested and booked, the minister said on Monday."
    assert all(e.status != "occurred" for e in _events(body) if e.type == "COERCE")
    body = ("During festivals the police would routinely pick up the young men of the area and "
            "lock them up for a day.")  # a past practice, not a possibility


@pytest.mark.slow
def test_a_gate_locked_up_is_no_arrest_and_who_contains_riots_did_not_riot() -> None:
    assert not _events("The gate used for trucks has been locked up since Friday.")
    [locked] = _events("Police locked up 40 protesters on Sunday.")
    assert (locked.type, locked.mode) == ("COERCE", "arrest")
    body = "The local police failed to contain the riots in Ahmedabad on Friday."
    assert all(a.sector != "COP" for e in _events(body) for a in e.actors)


@pytest.mark.slow
def test_a_bare_weak_head_takes_the_sector_it_was_first_given() -> None:
    body = ("Twenty-five police personnel were injured in the clash in Canning on Sunday. "
            "The activists pelted stones, prompting the personnel to open fire.")
    [fire] = [e for e in _events(body) if e.mode == "firearms"]
    assert [(a.name, a.sector) for a in fire.actors] == [("personnel", "COP")]
    body = "Military personnel were deployed on Sunday. The personnel opened fire on Monday."
    [fire] = [e for e in _events(body) if e.mode == "firearms"]
    assert [a.sector for a in fire.actors] == ["MIL"]


@pytest.mark.slow
def test_a_state_of_siege_is_martial_law_declared_by_the_subject() -> None:
    body = "The military government declared a 30-day state of siege in Haiti on Saturday."
    [siege] = _events(body)
    assert (siege.type, siege.mode) == ("COERCE", "martial-law")
    assert [(a.country, a.sector) for a in siege.actors] == [("HTI", "GOV")], \
        "a '30-day' before the deed is no party"


@pytest.mark.slow
def test_force_used_on_someone_in_custody_is_the_custodians() -> None:
    [beating] = [e for e in _events("The activist was beaten to death in army custody on "
                                    "Monday.") if e.type == "ASSAULT"]
    assert [a.sector for a in beating.actors] == ["MIL"]
    body = "A Palestinian prisoner died of torture while in Israeli police custody on Monday."
    [torture] = [e for e in _events(body) if e.type == "ASSAULT"]
    assert [(a.name, a.country, a.sector) for a in torture.actors] == [
        ("Israeli police", "ISR", "COP")], "one party, not 'Israeli' civilians and the police"


@pytest.mark.slow
def test_prohibiting_restricts_and_tightening_a_blockade_tells_it() -> None:
    [ban] = _events("Kazakhstan prohibited all rallies in Almaty on Monday.")
    assert (ban.type, ban.mode) == ("COERCE", "restrict")
    [blockade] = _events("NATO tightened the naval blockade of Serbia on Wednesday.")
    assert (blockade.type, blockade.mode, blockade.status) == ("COERCE", "restrict", "occurred")
    assert [(a.country, a.sector) for a in blockade.actors] == [("IGO", "MIL")]


@pytest.mark.slow
def test_a_that_clause_hung_on_the_verb_of_a_demand_is_asked_for() -> None:
    body = ("The International Labor Office (ILO) reiterated its demand today that Israel ease "
            "restrictions on the movement of Palestinian workers.")
    assert [e.type for e in _events(body)] == ["REQUEST"]


@pytest.mark.slow
def test_the_wounded_are_people_and_a_country_taken_for_a_person_is_its_state() -> None:
    body = "U.N. helicopters evacuated the wounded from Gorazde on Friday."
    assert [e.type for e in _events(body)] == ["AID"]
    [opened] = _events("Benin opened its borders on Monday to West Africans.")
    assert [(a.country, a.sector) for a in opened.actors] == [("BEN", "GOV")]


def test_a_human_rights_organisation_is_an_ngo() -> None:
    from newsmill.events.actors import sector_of

    assert sector_of(["a", "human", "rights", "organization"]) == "NGO"


@pytest.mark.slow
def test_meeting_demands_concedes_and_a_body_in_session_consults_no_one() -> None:
    [met] = _events("The government met the strikers' demands on Monday.")
    assert met.type == "CONCEDE"
    [talks] = _events("The two leaders met in Paris on Monday to discuss the demands.")
    assert talks.type == "CONSULT"
    assert not _events("The company failed to meet the deadline on Friday.")


@pytest.mark.slow
def test_a_count_belongs_to_the_event_it_is_told_of() -> None:
    body = ("While six people were injured in police firing in Vadodara on Friday, 12 people "
            "were killed by the rioters.")
    by_doer = {a.sector: e for e in _events(body) for a in e.actors}
    assert (by_doer["COP"].injured, by_doer["COP"].dead) == (6, None)
    assert by_doer["CVL"].dead == 12
    [fire] = _events("Police opened fire on protesters on Sunday, killing two and injuring five.")
    assert (fire.dead, fire.injured) == (2, 5)


@pytest.mark.slow
def test_being_unwilling_to_do_refuses_it() -> None:
    [refusal] = _events("Israel is unwilling to negotiate with Hamas, officials said on Monday.")
    assert (refusal.type, refusal.evidence) == ("REJECT", "unwilling to negotiate with Hamas")


@pytest.mark.slow
def test_a_nationality_alone_doing_what_states_do_is_its_state() -> None:
    body = "The Chinese have been reluctant to commit to a meeting with the Americans."
    [_refusal] = _events(body)
    [protest] = _events("Thousands of Chinese protested in Beijing on Monday.")
    assert [a.sector for a in protest.actors] == ["CVL"]
    [agree] = _events("The Kurds agreed to a ceasefire on Monday.")
    assert [a.sector for a in agree.actors] == ["CVL"]  # a people with no state of its own


@pytest.mark.slow
def test_being_moved_or_pleased_by_a_deed_supports_it() -> None:
    body = 'Israeli Prime Minister Benjamin Netanyahu said he was "very moved" by the decision.'
    [support] = _events(body)
    assert support.type == "SUPPORT"
    assert [(a.country, a.sector) for a in support.actors] == [("ISR", "GOV")]
    assert "moved" in support.evidence, "told by the adjective's own clause"
    [pleased] = _events("Officials were pleased with the agreement on Monday.")
    assert pleased.type == "SUPPORT"


@pytest.mark.slow
def test_what_a_bill_would_do_is_its_provision_by_its_makers_not_a_threat() -> None:
    body = ("The Hong Kong Human Rights and Democracy Act, under consideration by the US Senate"
            " on Monday, would impose economic sanctions on officials.")
    [sanction] = _events(body)
    assert (sanction.type, sanction.status) == ("SANCTION", "hypothetical")
    [threat] = _events("The United States would impose sanctions on officials, a senator said.")
    assert threat.type == "THREATEN", "a state's own future sanction stays a threat"


@pytest.mark.slow
def test_allowing_someone_in_is_a_retreat_allowing_a_deed_a_concession() -> None:
    [entry] = _events("The former head of the legislative council was later allowed to enter.")
    assert (entry.type, entry.mode) == ("RETREAT", "access")
    body = "The Supreme Court allowed the opposition leader to take part in the election."
    assert [e.type for e in _events(body)] == ["CONCEDE"]


@pytest.mark.slow
def test_a_reaction_is_not_moved_to_a_state_body_s_home() -> None:
    body = ("Police besieged a university in Hong Kong on Sunday. Officers had threatened to use"
            " live fire. A US federal court on Monday convicted two men of smuggling weapons.")
    places = {e.type: e.place.country for e in _events(body) if e.place}
    assert places["THREATEN"] == "HKG"


@pytest.mark.slow
def test_a_subject_resumed_after_a_relative_clause_between_dashes_does_the_deed() -> None:
    body = ("The Palestinian Authority - which has rejected the US as a mediator - called for an"
            " emergency meeting of the Arab League.")
    request = next(e for e in _events(body) if e.type == "REQUEST")
    assert [(a.country, a.sector) for a in request.actors] == [("PSE", "GOV")]


@pytest.mark.slow
def test_a_deed_named_as_announced_is_done_one_dated_ahead_is_to_come() -> None:
    [suspension] = _events("Italy announced a suspension of air links with Serbia on Monday.")
    assert (suspension.type, suspension.status) == ("SANCTION", "occurred")
    [later] = _events("Italy announced it would suspend air links with Serbia.")
    assert later.status == "planned"
    [_strike] = _events("The union announced a strike for next Monday.")


@pytest.mark.slow
def test_mobilizing_is_a_mobilize_only_where_armed_force_moves() -> None:
    [call_up] = _events("Britain mobilized army reservists for a possible war on Tuesday.")
    assert call_up.type == "MOBILIZE"
    assert [e.type for e in _events("Armenia mobilized on Sunday.")] == ["MOBILIZE"]


@pytest.mark.slow
def test_forcing_out_a_body_is_an_expulsion_deporting_people_coercion() -> None:
    body = "Jakarta forced the UN refugee agency, UNHCR, out of the country on Monday."
    [expulsion] = _events(body)
    assert (expulsion.type, expulsion.mode) == ("SANCTION", "expel")
    [deport] = _events("The United States deported the Nigerian journalist on Monday.")
    assert (deport.type, deport.mode) == ("COERCE", "deport")
    [sent] = _events("The United States deported them to Mexico on Monday.")
    assert (sent.type, sent.recipients) == ("COERCE", ()), "Mexico is where they went"


@pytest.mark.slow
def test_measures_told_in_a_participle_clause_of_a_declared_emergency_are_it() -> None:
    body = ("The military government declared a 30-day state of siege in Haiti on Saturday,"
            " suspending parts of the constitution and arresting political opponents.")
    body = "The government declared a curfew on Monday, and police later arrested 40 people."
    assert [e.type for e in _events(body)] == ["COERCE", "COERCE"]  # a deed of its own


@pytest.mark.slow
def test_a_restrictive_relative_clause_names_a_party_and_tells_no_news() -> None:
    body = "The man who kidnapped the child was sentenced to life in prison on Monday."
    assert [e.type for e in _events(body)] == ["SANCTION"]
    body = ("Police found a girl who was ripped from her mother's arms and kidnapped in broad"
            " daylight.")
    assert [e.type for e in _events(body)] == []
    body = "The university was besieged by police, who fired teargas at the students."
    assert sorted(e.type for e in _events(body)) == ["ASSAULT", "COERCE"]  # goes on
    body = "Vigilantes repelled an attack by herdsmen who attacked their village on Monday."
    assert "ASSAULT" in {e.type for e in _events(body)}  # the attack they made


@pytest.mark.slow
def test_a_protest_made_by_a_state_or_an_organisation_is_an_objection() -> None:
    [objection] = _events("China protested the visit on Monday.")
    assert (objection.type, objection.mode) == ("ACCUSE", "disapprove")
    body = ("Croatian authorities are failing to uphold the rights of refugees, a human rights"
            " group protested here Wednesday.")
    [said] = _events(body)
    assert said.type == "ACCUSE"
    assert [a.sector for a in said.actors] == ["NGO"]
    assert said.evidence.startswith("Croatian authorities"), "what they protested"
    [march] = _events("Opposition lawmakers protested outside parliament on Monday.")
    assert march.type == "PROTEST"
    [workers] = _events("Thousands of workers protested the wage cut in Almaty on Sunday.")
    assert workers.type == "PROTEST"


@pytest.mark.slow
def test_a_year_dating_a_thing_talked_about_does_not_make_the_deed_history() -> None:
    body = ("An Argentine judge has ordered former president Carlos Menem to appear for"
            " questioning in an investigation of illegal arms sales in the 1990s.")
    assert [e.type for e in _events(body, published="2001-10-03")] == ["REQUEST"]
    body = "Israel seized control of the territories in the 1967 war."
    assert _events(body, published="2019-11-19") == []  # the deed's own year


@pytest.mark.slow
def test_sending_inspectors_investigates_paying_compensation_gives_back() -> None:
    [probe] = _events("The IAEA has dispatched inspectors to Esfahan to monitor work at the plant.")
    assert (probe.type, probe.mode) == ("ACCUSE", "investigate")
    assert [(a.country, a.sector) for a in probe.actors] == [("IGO", "IGO")]
    body = "Uganda said on Sunday it had paid compensation to 67 elderly British nationals."
    assert [e.type for e in _events(body)] == ["RETREAT"]
    [refusal] = _events("The UNITA militarist wing refused to allow United Nations planes to land.")
    assert [(a.country, a.sector) for a in refusal.actors] == [("AGO", "REB")]
    body = "Jewish settlers in the West Bank city of Hebron attacked Palestinian farmers on Monday."
    attack = next(e for e in _events(body) if e.actors)
    assert [(a.country, a.sector) for a in attack.actors] == [("ISR", "CVL")]  # not where


@pytest.mark.slow
def test_who_is_opposed_or_committed_takes_the_stance() -> None:
    [_refusal] = _events("Israel is opposed to French mediation in peace negotiations with Syria.")
    [opposed] = _events("The plan was opposed by the ministry.")
    assert [a.sector for a in opposed.actors] == ["GOV"]
    [_pledge] = _events("Vietnam is committed to opening up its economy.")
    assert _events("Atrocities were committed in Darfur last month.") == []  # crimes, no pledge


@pytest.mark.slow
def test_a_meeting_during_which_a_deed_happened_is_its_setting() -> None:
    body = ("A US national has been put under investigation in Italy for her possible role in"
            " rioting during a G8 summit in Genoa.")
    assert "CONSULT" not in {e.type for e in _events(body)}
    # a meeting a deed came after or before is a happening of its own
    body = "The chancellor told reporters after an EU summit in Brussels that the fund would grow."
    assert "CONSULT" in {e.type for e in _events(body)}


@pytest.mark.slow
def test_a_way_a_state_blocks_is_restricted_one_protesters_block_obstructed() -> None:
    [_blockade] = _events("Russia and the Syrian regime are blocking them from access to food.")
    [protest] = _events("Protesters blocked the highway on Monday.")
    assert (protest.type, protest.mode) == ("PROTEST", "obstruct")


@pytest.mark.slow
def test_who_undergoes_a_passive_deed_after_a_preposition_is_the_clause_subject() -> None:
    body = "Nearly 150 Indians returned home on Wednesday after being deported from the US."
    [deport] = _events(body)
    assert (deport.type, deport.mode) == ("COERCE", "deport")
    assert [(a.name, a.country) for a in deport.recipients] == [("Indians", "IND")]


@pytest.mark.slow
def test_a_threat_there_is_is_a_danger_not_a_threat_made() -> None:
    [threat] = _events("Rebels issued a threat to attack the capital.")
    assert (threat.type, threat.status) == ("THREATEN", "planned")


@pytest.mark.slow
def test_a_deed_in_a_named_war_of_a_year_is_history_in_an_undated_report() -> None:
    assert "COERCE" in {e.type for e in _events("Israel seized control of the territories on"
                                                " Tuesday.", published=None)}


@pytest.mark.slow
def test_talks_looked_forward_to_are_not_told() -> None:
    body = ("The release gives us hope for the success of peace negotiations between the two"
            " sides, the minister said.")
    assert "CONSULT" not in {e.type for e in _events(body)}
    [talks] = _events("The two sides held peace negotiations in Doha on Monday.")
    assert talks.type == "CONSULT"


@pytest.mark.slow
def test_who_a_received_deed_comes_from_does_it() -> None:
    [aid] = _events("Haiti received food aid from Japan on Monday.")
    assert (aid.type, [a.country for a in aid.actors]) == ("AID", ["JPN"])
    assert [a.name for a in aid.recipients] == ["Haiti"]


@pytest.mark.slow
def test_a_party_named_with_a_list_keeps_its_commas_and_sector() -> None:
    body = ("The threat of tariffs has prompted officials from Mexico, Canada, Japan and"
            " elsewhere to make concessions.")
    [concession] = _events(body)
    assert [(a.name, a.sector) for a in concession.actors] == [
        ("officials from Mexico, Canada, Japan", "GOV")]


@pytest.mark.slow
def test_deeds_joined_to_one_talked_about_are_talked_about_too() -> None:
    body = "\"We have tried petitions and marches,\" said Sarah Lunnon, one of the organisers."
    assert _events(body) == []
    [protest] = _events("Protesters held marches and rallies in London on Monday.")
    assert protest.type == "PROTEST"


@pytest.mark.slow
def test_a_spokesman_named_by_his_body_stands_for_it() -> None:
    [charge] = _events("A police spokesman condemned the attack on Monday.")
    assert [(a.name, a.sector) for a in charge.actors] == [("police", "COP")]
    body = "\"We are cooperating with the inquiry,\" a WeWork spokesperson said on Monday."
    with rules.switched_off({"quoted"}):
        [together] = _events(body)  # the "we" of the quote is the company, not a government
    assert [(a.name, a.sector) for a in together.actors] == [("WeWork", None)]


@pytest.mark.slow
def test_what_someone_pleads_guilty_to_is_the_charge_not_a_deed() -> None:
    assert [e.type for e in _events("Carlineo threatened to murder a U.S. official.")] == [
        "THREATEN"]


@pytest.mark.slow
def test_a_stance_on_a_kind_of_thing_is_a_principle_not_news() -> None:
    [stance] = _events("Russia supports sanctions against Iran, its minister said on Monday.")
    assert stance.type == "SUPPORT"


@pytest.mark.slow
def test_people_described_as_held_in_custody_are_in_a_state() -> None:
    body = "The doctors want to make sure that migrant families held in CBP custody are vaccinated."
    assert _events(body) == []
    [arrest] = _events("He was held in police custody on Monday.")
    assert arrest.type == "COERCE"


@pytest.mark.slow
def test_a_possibility_nobody_is_named_for_is_no_event() -> None:
    office = "the office of Sweden's attorney general"
    body = "Persson explained that the evidence had weakened. She added that an appeal against"
    assert _events(f"{body} the decision could be made to {office}.") == []
    [appeal] = _events(f"She added that the woman's lawyers could make an appeal to {office}.")
    assert (appeal.type, appeal.status) == ("REQUEST", "hypothetical")


@pytest.mark.slow
def test_what_was_done_at_the_time_is_history() -> None:
    body = ("Both men claimed at the time that they were being treated well and asked their"
            " governments to help in their release.")
    body = "At the time of the attack, the men asked their governments to help them."
    assert [e.type for e in _events(body)] == ["REQUEST"]


@pytest.mark.slow
def test_unrest_a_party_has_the_power_to_end_is_what_it_could_do() -> None:
    body = "Liu said that China has the resolution and power to end Hong Kong unrest."
    assert "PROTEST" not in [e.type for e in _events(body)]
    body = ("Iranian security forces used lethal force to crush peaceful protests in Tehran on"
            " Sunday.")
    assert "PROTEST" in [e.type for e in _events(body)]


@pytest.mark.slow
def test_who_is_frustrated_or_angry_with_a_party_disapproves_of_it() -> None:
    body = "The utilities commission is frustrated with the telephone companies, Batjer said."
    [charge] = _events(body)
    assert (charge.type, [a.name for a in charge.actors]) == ("ACCUSE", ["utilities commission"])
    assert [a.name for a in charge.recipients] == ["telephone companies"]
    [charge] = _events("The minister was angry with the police on Monday.")
    assert ([a.name for a in charge.actors], [a.name for a in charge.recipients]) == (
        ["minister"], ["police"])


@pytest.mark.slow
def test_a_deed_until_which_another_goes_on_is_its_condition() -> None:
    body = "The rebels said they would stay in the hills until their political demands are met."
    assert "CONCEDE" not in [e.type for e in _events(body)]
    body = "The rebels stayed in the hills until the government met their demands on Monday."
    assert "CONCEDE" in [e.type for e in _events(body)]
    body = ("The rebels said on Monday that the government must agree to constitutional changes"
            " before they demobilize.")
    assert "RETREAT" not in [e.type for e in _events(body)]
    body = ("Sondland told the officials on Monday they would need to deliver before the"
            " administration would agree to a meeting.")
    assert "AGREE" not in [e.type for e in _events(body)]


@pytest.mark.slow
def test_a_deed_dated_months_before_the_story_is_history() -> None:
    body = "Carlineo was arrested in April for a phone call he made to Omar's office."
    assert _events(body, published="2019-11-19") == []
    body = "The speaker defended the state budget approved by Republicans in April."
    assert _events(body, published="2019-11-19") == []
    body = "Carlineo was arrested in November for a phone call he made to Omar's office."
    assert [e.type for e in _events(body, published="2019-11-19")] == ["COERCE"]
    body = ("Serbia eased emergency measures on Wednesday in Montenegro, the scene of ethnic"
            " violence last March.")
    assert [e.type for e in _events(body, published="2000-01-01")] == ["CONCEDE"]


@pytest.mark.slow
def test_what_a_kind_of_people_do_is_no_event() -> None:
    body = ("\"Mainly it is linked to the population getting poorer, people demand the solution to"
            " their actual socio-economic problems,\" Tokayev said.")
    body = "\"The people demanded a solution to their problems,\" Tokayev said on Monday."
    with rules.switched_off({"quoted"}):
        assert [e.type for e in _events(body)] == ["REQUEST"]
    body = "Demonstrators clash with security forces during an opposition rally in Caracas"
    assert [e.type for e in _events(body)] == ["ASSAULT"]  # a caption's present


@pytest.mark.slow
def test_a_deed_hoped_for_is_a_wish() -> None:
    body = ("\"It is our hope that we'll be able to reach a reasonable agreement in this case,\""
            " Foy said.")
    body = "\"We will reach a reasonable agreement in this case,\" Foy said on Monday."
    with rules.switched_off({"quoted"}):
        assert [e.type for e in _events(body)] == ["AGREE"]


def test_a_possessive_name_is_the_name_the_article_writes_bare() -> None:
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from newsmill.statements.speakers import Entities

    def names(first: str, second: str) -> set[str]:  # "<first>'s founder quit. ... <second>."
        words = [first, "\u2019s", "founder", "quit", ".", "Regulators", "probe", second, "."]
        doc = Doc(English().vocab, words=words,
                  spaces=[False, True, True, False, True, True, True, False, False],
                  ents=["B-ORG", "I-ORG", "O", "O", "O", "O", "O", "B-ORG", "O"],
                  sent_starts=[True, False, False, False, False, True, False, False, False])
        return set(Entities.of(doc).canonical.values())

    assert names("WeWork", "WeWork") == {"WeWork"}  # the article also writes it bare
    assert "McDonald\u2019s" in names("McDonald", "Wendy")  # a name with its "'s"


@pytest.mark.slow
def test_who_takes_part_in_or_is_put_under_a_deed_and_deeds_with_nobody_in_them() -> None:
    [e] = _events("Serb forces were engaged in ethnic cleansing against the Albanian population "
                  "of Kosovo, the US government said.")
    assert e.type == "ASSAULT" and [(a.country, a.sector) for a in e.actors] == [("SRB", "MIL")]
    [e] = _events("A US national has been put under investigation in Italy for her role in "
                  "rioting during a summit in Genoa.")
    assert e.type == "ACCUSE" and [a.country for a in e.recipients] == ["USA"]
    assert _events("Their proximity to the border and joint military border security "
                   "operations and air patrols provide a modicum of protection to civilians.") == []
    [e] = _events("Protests broke out in Almaty on Sunday.")  # protesters, though not named
    assert e.type == "PROTEST"
    [e] = _events("Following heavy fighting, the village fell on Sunday.")  # violence, whoever
    assert e.type == "ASSAULT"


@pytest.mark.slow
def test_a_paragraph_set_in_the_past_keeps_its_undated_deeds_in_the_past() -> None:
    refugees = "As of 2016, the country had admitted more than a million Syrian refugees."
    closed = "Jordan closed its borders with Syria."
    [e] = _events(f"{refugees}\n\n{closed}", published="2019-11-18")  # a paragraph of its own
    assert e.type == "SANCTION"


@pytest.mark.slow
def test_a_simple_present_with_a_day_to_come_is_on_the_calendar() -> None:
    [e] = _events("The utilities commission holds a public hearing Wednesday with executives "
                  "from the phone companies.", published="2019-06-10")  # a Monday
    [e] = _events("The utilities commission held a public hearing Wednesday with executives "
                  "from the phone companies.", published="2019-06-10")
    assert (e.type, e.status, e.date) == ("CONSULT", "occurred", "2019-06-05")


@pytest.mark.slow
def test_news_solely_about_companies_is_not_coded() -> None:
    [e] = _events("SoftBank Group Corp agreed to pay the Japanese government $6.5 billion in "
                  "back taxes.")  # a company and a state
    assert e.type == "AGREE"


@pytest.mark.slow
def test_a_traffic_stop_detains_the_driver() -> None:
    [e] = _events("Officers stopped a vehicle driven by John Smith, 29, of Franklin on Sunday.")
    assert (e.type, e.mode, e.date) == ("COERCE", "arrest", "2019-06-09")
    assert [a.name for a in e.recipients] == ["John Smith"]


@pytest.mark.slow
def test_what_a_suspect_admits_is_the_crime_charged() -> None:
    [e] = _events("After fighting off the girl's mother, Webb drove to a church.")  # told
    assert e.type == "ASSAULT"


@pytest.mark.slow
def test_a_count_the_story_tells_one_by_one_is_not_an_event_again() -> None:
    lead = "Police arrested five people on Sunday during a drug raid at a home in Franklin."
    items = ["Officers arrested John Smith, 32, of Franklin, on several charges.",
             "Officers also arrested Mary Jones, 40, who lives at the home.",
             "Officers later arrested Peter Brown, 29, after stopping his car."]
    events = _events("\n\n".join([lead, *items]))
    assert {e.date for e in events} == {"2019-06-09"}  # the day of the lead
    fewer = _events("\n\n".join([lead, *items[:2]]))  # two of five told: the count stays
    assert len(fewer) == 3


@pytest.mark.slow
def test_who_held_a_party_freed_it_and_what_went_on_since_a_year_is_news() -> None:
    [e] = _events("Two hostages, an American and an Australian, who had been held by the Taliban "
                  "in Afghanistan since 2016 were released Tuesday in a prisoner swap.",
                  published="2019-11-19")
    assert (e.type, e.date) == ("RETREAT", "2019-11-19")
    [e] = _events("Three aid workers held by rebels were freed on Sunday.")


def test_a_year_something_has_gone_on_since_is_not_when_it_happened() -> None:
    assert years_before("held since 2016 were released Tuesday", "2019-11-19") == 0
    assert years_before("since the 1990s", "2019-11-19") == 0
    assert years_before("closed in 2016", "2019-11-19") == 3


@pytest.mark.slow
def test_what_someone_fears_is_not_an_event_told() -> None:
    assert [e.type for e in _events("The administration is denying flu vaccines to immigrants "
                                    "in custody.")] == ["REJECT"]


@pytest.mark.slow
def test_what_had_been_going_on_before_the_story_is_not_its_news() -> None:
    [e] = _events("Officials said Washington and the Taliban had been holding direct talks.")
    assert e.type == "CONSULT"  # what a source says went on is its report


@pytest.mark.slow
def test_a_dateline_before_the_sentence_keeps_its_counts() -> None:
    for body in ("ACCRA, Ghana — Soldiers detained 30 traders at the market on Friday.",
                 "ACCRA (AP) - Soldiers detained 30 traders at the market on Friday.",
                 "Soldiers detained 30 traders at the market on Friday."):
        [e] = _events(body, "2024-03-09")
        assert (e.type, e.arrested) == ("COERCE", 30), body  # the traders, not the soldiers
    [e] = _events("Twelve protesters died in police firing on Friday.", "2024-03-09")
    assert (e.type, e.dead) == ("ASSAULT", 12)  # with no object, the subject is who died


@pytest.mark.slow
def test_what_is_expected_or_forecast_has_not_happened() -> None:
    events = _events("Further strikes are expected at the ports next month.", "2024-03-09")
    assert all(e.status != "occurred" for e in events)
    events = _events("Analysts predict clashes along the border this summer.", "2024-03-09")
    assert all(e.status != "occurred" for e in events)


@pytest.mark.slow
def test_a_city_the_model_takes_for_an_organisation_is_still_the_place() -> None:
    [e] = _events("Students protested in Santiago on Friday against the fare rise.",
                  "2019-10-19")
    assert e.place is not None and (e.place.name, e.place.country) == ("Santiago", "CHL")
    assert [a.country for a in e.actors] == ["CHL"]


@pytest.mark.slow
def test_a_head_of_government_acts_in_office_and_a_campaign_is_no_protest() -> None:
    [e] = _events("Chief Executive Carrie Lam met the protest leaders in Hong Kong on Monday.")
    assert [(a.name, a.sector) for a in e.actors] == [("Carrie Lam", "GOV")]  # not BUS
    assert not [e for e in _events("The senator held a rally in Des Moines on Saturday.")
                if e.type == "PROTEST"]
    assert not [e for e in _events("Democrats beat the incumbent governor in Kentucky.")
                if e.type == "ASSAULT"]  # an election
    assert [e.type for e in _events("Nurses held a rally outside the ministry on Monday.")] == [
        "PROTEST"]  # people, not politicians


@pytest.mark.slow
def test_a_time_that_is_no_day_leaves_the_event_undated() -> None:
    body = ("Police arrested six activists in Minsk on Monday.\n\n"
            "Officers detained two journalists in Grodno last week.")
    events = _events(body, "2024-03-09")
    assert [e.date for e in events if e.type == "COERCE"] == ["2024-03-04", None]
    [e] = _events("Officers detained two journalists in Grodno three days ago.", "2024-03-09")
    assert e.date == "2024-03-06"


@pytest.mark.slow
def test_sanctions_are_measures_a_sanction_is_an_approval_or_a_penalty() -> None:
    events = _events("The European Union imposed sanctions on the regime in Minsk on Friday.")
    assert [e.type for e in events] == ["SANCTION"]
    body = ("The defence asked Maria Lopez to write a report to help the court arrive at an "
            "appropriate sanction.")
    assert "SANCTION" not in [e.type for e in _events(body)]


@pytest.mark.slow
def test_was_able_to_tells_a_deed_done_is_able_to_does_not() -> None:
    done = _events("The police were able to arrest 31 people in the old town on Friday.")
    assert [(e.type, e.status) for e in done] == [("COERCE", "occurred")]
    for body in ("The police are able to arrest anyone who breaks the curfew.",
                 "The police will be able to arrest anyone who breaks the curfew."):
        assert ("COERCE", "occurred") not in [(e.type, e.status) for e in _events(body)]


@pytest.mark.slow
def test_a_warning_of_what_the_warner_itself_will_do_is_a_threat() -> None:
    for body in ("Police warned that they would arrest anyone who joined the march.",
                 "Britain warned Iran that it is prepared to expel its diplomats."):
        assert [(e.type, e.status) for e in _events(body)] == [("THREATEN", "planned")], body
    for body in ("The army warned that it would not attack civilian areas.",
                 "The army warned that it was ready to negotiate with the rebels.",
                 "The agency warned that it will take years for the region to recover."):
        assert "THREATEN" not in [e.type for e in _events(body)], body


def test_every_trigger_line_is_a_plover_type_and_a_known_kind() -> None:
    # a comment line that lost its "#" would be read as triggers of a type that is no type
    from newsmill.events.lexicon import PLOVER_TYPES, triggers

    for found in triggers().values():
        for trig in found:
            assert trig.type in (*PLOVER_TYPES, "NONE"), trig
            assert trig.pos in ("", "v", "n", "s", "p", "o", "l", "w"), trig
