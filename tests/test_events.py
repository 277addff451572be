"""Event mentions from single sentences: types, status, negation, actors, places, quotes.

Each case is a tiny report written for the test (no sample text), published at a fixed time.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import summit_timeline as st
from summit_timeline.reading.load import parse_report

PUBLISHED = {"de": "2021-06-17 08:00", "en": "2021-06-17 08:00"}


def _table(lang: str, text: str, published: str | None = None):
    report = parse_report(
        text,
        report_id="case",
        language=lang,
        published=published or PUBLISHED[lang],
        outlet="Test",
    )
    return st.extract_events([report])


def _tables(lang: str, reports: dict[str, tuple[str, str | None]]):
    """The table of several reports of one language: report id -> (text, publication)."""
    return st.extract_events(
        [
            parse_report(text, report_id=rid, language=lang, published=published, outlet="Test")
            for rid, (text, published) in reports.items()
        ]
    )


def _quoted_by(table, speaker: str) -> set[str]:
    """The types of the events that carry a quotation of ``speaker``."""
    return {
        row.event_type
        for row in table.itertuples()
        if any(q["speaker"] == speaker for q in row.quotes)
    }


def _events(lang: str, text: str, published: str | None = None) -> set[tuple[str, str]]:
    table = _table(lang, text, published)
    return set(zip(table.event_type, table.status, strict=True))


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # types
        ("de", "Biden landete am Dienstagabend in Genf.", {("arrival", "occurred")}),
        ("de", "Putin ist am Donnerstag nach Minsk gereist.", {("arrival", "occurred")}),
        # the journey still ahead, after a modal verb
        ("de", "Aus Schweden soll die Ministerin anreisen.", {("arrival", "announced")}),
        ("de", "Die Delegation will am Montag anreisen.", {("arrival", "announced")}),
        # travelling on to the next stop, or a flight, told in the past
        ("de", "Danach ist die Kanzlerin nach Oslo weitergereist.", {("arrival", "occurred")}),
        ("de", "Die Ministerin ist am Morgen nach Oslo geflogen.", {("arrival", "occurred")}),
        ("en", "The chancellor then flew on to Oslo.", {("arrival", "occurred")}),
        # a journey told in the past, or reaching a place, is the arrival there; in the present
        # or future it is a trip still ahead
        (
            "en",
            "The Chilean president flew to Lisbon on Friday evening.",
            {("arrival", "occurred")},
        ),
        (
            "en",
            "The Danish prime minister travelled to Oslo on Monday with a trade delegation.",
            {("arrival", "occurred")},
        ),
        ("en", "Mette Frederiksen reached Oslo late on Sunday.", {("arrival", "occurred")}),
        (
            "en",
            "Soon after reaching the Norwegian capital, Mette Frederiksen laid out her plans.",
            {("arrival", "occurred")},
        ),
        ("en", "Mette Frederiksen will travel to Oslo next week.", {("visit", "announced")}),
        ("en", "Both sides hope to reach an agreement in Oslo.", set()),
        ("de", "Zuletzt hatten sich Biden und Xi im Mai gesprochen.", {("talks", "occurred")}),
        ("de", "Damals besuchte sie jedoch nicht die Parade.", set()),  # an adverb, not a clause
        (
            "en",
            "A video conference between Putin and Biden ended after two hours.",
            {("phone_call", "occurred")},
        ),
        ("en", "Putin's plane landed in Geneva shortly after noon.", {("arrival", "occurred")}),
        (
            "de",
            "Das Gespräch zwischen Biden und Putin dauerte drei Stunden.",
            {("talks", "occurred")},
        ),
        ("en", "Biden and Putin held talks for more than three hours.", {("talks", "occurred")}),
        ("de", "Biden gab anschließend eine Pressekonferenz.", {("press_statement", "occurred")}),
        (
            "de",
            "Sánchez sagte nach dem Termin vor Medienvertretern, er sei zufrieden.",
            {("press_statement", "occurred")},
        ),
        ("en", "Biden later held a news conference of his own.", {("press_statement", "occurred")}),
        # a statement to a news outlet is an interview; to a person it is none
        (
            "en",
            "The chancellor told a Swiss newspaper on Monday that she was satisfied.",
            {("press_statement", "occurred")},
        ),
        (
            "en",
            "Speaking to CNN, the president said he was hopeful.",
            {("press_statement", "occurred")},
        ),
        ("en", "The president told Macron he was hopeful.", set()),
        # one briefing the leaders gave the press together, or a short one
        (
            "en",
            "Afterwards the two presidents gave a joint briefing in the garden.",
            {("press_statement", "occurred")},
        ),
        (
            "en",
            "The chancellor then stepped out for a short briefing on the lawn.",
            {("press_statement", "occurred")},
        ),
        # an audience with the Pope or an emperor is a meeting
        ("de", "Danach folgte eine Audienz beim Kaiser im Palast.", {("talks", "occurred")}),
        (
            "de",
            "Am Nachmittag hatte die Kanzlerin eine Audienz bei Papst Franziskus.",
            {("talks", "occurred")},
        ),
        # an unnamed source is attribution, not a statement to the press
        ("en", "A senior official told CNN the president was hopeful.", set()),
        # words said to reporters are a statement to the press, as "told reporters" is
        (
            "de",
            "Die Kanzlerin sagte am Dienstag zu Journalisten, sie sei zufrieden.",
            {("press_statement", "occurred")},
        ),
        (
            "de",
            "Der Sprecher der Regierung teilte den Reportern mit, man sei zufrieden.",
            {("press_statement", "occurred")},
        ),
        # ... and by other words: the verb at the clause's end, being interviewed, a verb other
        # than "told" before "to journalists", the media of a country
        (
            "de",
            "Man sei zufrieden, wie die Ministerin Reportern in Oslo mitteilte.",
            {("press_statement", "occurred")},
        ),
        (
            "de",
            "Am Abend wird die Kanzlerin vom Sender interviewt.",
            {("press_statement", "announced")},
        ),
        (
            "en",
            "The plan was explained by the minister to journalists on Tuesday.",
            {("press_statement", "occurred")},
        ),
        (
            "en",
            "The spokesman confirmed to reporters that the ministers were satisfied.",
            {("press_statement", "occurred")},
        ),
        (
            "en",
            "The chancellor speaks to Danish media outside the ministry.",
            {("press_statement", "occurred")},
        ),
        (
            "en",
            "The minister addressed waiting reporters in the lobby.",
            {("press_statement", "occurred")},
        ),
        (
            "de",
            "Das teilte der Minister am Abend der Weltpresse mit.",
            {("press_statement", "occurred")},
        ),
        ("de", "Putin verließ Genf am Abend.", {("departure", "occurred")}),
        # "eintreffen" in the present, its particle at the clause's end, is no meeting
        ("de", "Biden trifft am Abend in Berlin ein.", {("arrival", "occurred")}),
        ("en", "Biden left Geneva on Wednesday evening.", {("departure", "occurred")}),
        ("en", "Biden laid a wreath at the memorial.", {("visit", "occurred")}),
        # homage paid at a memorial is a stop of a visit
        ("en", "Biden will pay homage to the poet at his grave.", {("visit", "announced")}),
        # negation and cancellation
        ("de", "Eine gemeinsame Pressekonferenz gab es nicht.", set()),
        ("en", "There was no joint news conference.", set()),
        ("en", "A joint press conference did not take place.", set()),
        ("de", "Das geplante Arbeitsessen wurde abgesagt.", {("talks", "cancelled")}),
        ("en", "The working lunch was called off.", {("talks", "cancelled")}),
        ("en", "The planned signing ceremony did not take place.", {("talks", "cancelled")}),
        ("de", "Das Treffen fand nicht nur im kleinen Kreis statt.", {("talks", "occurred")}),
        # arriving for a meeting: the meeting is still to come
        (
            "en",
            "Putin has arrived at the Kremlin palace for his meeting with Xi.",
            {("arrival", "occurred"), ("talks", "announced")},
        ),
        # "zusammenkommen", "zusammentreffen": meetings
        (
            "de",
            "Biden ist am Mittwoch in Genf mit Putin zusammengetroffen.",
            {("talks", "occurred")},
        ),
        # a plan compared with what happened: it took place
        ("en", "Their meeting went four times longer than planned.", {("talks", "occurred")}),
        ("de", "Das Treffen dauerte deutlich länger als geplant.", {("talks", "occurred")}),
        # announced and proposed
        ("de", "Biden wird am Abend nach Washington zurückfliegen.", {("departure", "announced")}),
        (
            "en",
            "Biden will call the Ukrainian president on Thursday.",
            {("phone_call", "announced")},
        ),
        (
            "en",
            "Biden is scheduled to fly back to Washington tonight.",
            {("departure", "announced")},
        ),
        (
            "de",
            "Putin kündigte an, mit Lukaschenko telefonieren zu wollen.",
            {("phone_call", "announced")},
        ),
        # the present tense with the day of writing: the day's programme
        (
            "de",
            "Macron kommt heute mit Putin in Paris zusammen.",
            {("talks", "announced")},
        ),
        ("en", "Biden meets Putin at the White House tonight.", {("talks", "announced")}),
        # the subjunctive of reported speech, and the past of an intention, announce
        (
            "de",
            "Er werde Putin am Freitag in Moskau treffen, sagte Orban.",
            {("talks", "announced")},
        ),
        (
            "de",
            "Biden und Macron wollten sich am Abend in Paris treffen.",
            {("talks", "announced")},
        ),
        # the present tense with a clock time: the programme
        ("de", "Das Treffen beginnt um 11 Uhr Ortszeit.", {("talks", "announced")}),
        ("de", "Das Treffen begann um 11 Uhr Ortszeit.", {("talks", "occurred")}),
        # a planning word in what a verb of saying reports is not the statement's own
        (
            "en",
            "Biden told reporters he expected to meet Putin in Geneva.",
            {("press_statement", "occurred"), ("talks", "announced")},
        ),
        # "'ll call" after its pronoun, with either apostrophe
        ("en", "Biden said he'll call Xi on Friday.", {("phone_call", "announced")}),
        ("en", "Biden said he’ll call Xi on Friday.", {("phone_call", "announced")}),
        # a participle of the perfect or the passive that reads like the present tense
        (
            "de",
            "Um 11 Uhr wurde Macron im Kanzleramt von Scholz empfangen.",
            {("arrival", "occurred")},
        ),
        ("de", "Scholz hat heute mit Macron telefoniert.", {("phone_call", "occurred")}),
        # "und" between two names parts no clause: the verb and the time are the event's own
        (
            "de",
            "Um 17 Uhr treten Scholz und Macron vor die Presse.",
            {("press_statement", "announced")},
        ),
        (
            "de",
            "Um 17 Uhr traten Scholz und Macron vor die Presse.",
            {("press_statement", "occurred")},
        ),
        # a trip in the present tense is still ahead; one back home is a departure
        ("de", "Danach reist er nach Deutschland weiter.", {("visit", "announced")}),
        ("de", "Kanzler Scholz reist nach Kiew und Moskau.", {("visit", "announced")}),
        ("en", "Biden travels to Israel on Wednesday.", {("visit", "announced")}),
        ("de", "Heute reist Xi zurück nach Peking.", {("departure", "announced")}),
        (
            "de",
            "Nach dem Aufenthalt in Minsk reist er weiter nach Taschkent.",
            {("visit", "announced")},
        ),
        ("de", "Am Abend reiste Xi nach Peking.", {("arrival", "occurred")}),
        ("en", "Modi interacted with Xi in Mahabalipuram in 2019.", {("talks", "occurred")}),
        ("de", "Scholz will in Neu Delhi mit Modi zusammenkommen.", {("talks", "announced")}),
        # a plan told with "on" or in the progressive ("plans on meeting", "is planning to
        # meet"): still ahead
        ("en", "Scholz still plans on meeting Macron in Paris.", {("talks", "announced")}),
        ("en", "Scholz is planning on meeting Macron in Paris.", {("talks", "announced")}),
        ("en", "Scholz is planning to meet Macron in Paris.", {("talks", "announced")}),
        (
            "de",
            "Am Mittwoch sprachen die beiden Präsidenten vier Stunden miteinander.",
            {("talks", "occurred")},
        ),
        (
            "en",
            "The pair fielded questions from members of the press in the East Room.",
            {("press_statement", "occurred")},
        ),
        (
            "de",
            "Eine Stunde lang beantworteten beide die Fragen der Medienschaffenden.",
            {("press_statement", "occurred")},
        ),
        (
            "en",
            "As soon as he got out of the car, Orban was met by Trump at the White House.",
            {("arrival", "occurred")},
        ),
        # the day's programme, told in the present
        ("en", "A state dinner is on the agenda for this evening.", {("talks", "announced")}),
        (
            "de",
            "Am Montag steht ein Gespräch mit dem Kaiser auf dem Programm.",
            {("talks", "announced")},
        ),
        ("de", "Am Donnerstag stand ein Abendessen auf dem Programm.", {("talks", "occurred")}),
        # the planning participle put first plans every item the sentence lists after it, the
        # last one however far from it
        (
            "de",
            "Geplant sind ein Frühstück der Präsidentin mit dem Kanzler sowie am Abend ein"
            " Arbeitsessen mit den Ministerinnen beider Länder in der Residenz.",
            {("talks", "announced")},
        ),
        # a phrase with no verb of its own hung on the clause before its comma ("followed by",
        # "gefolgt von") is as far ahead as that clause, or as far past
        (
            "de",
            "Am Freitag stehen Gespräche mit der Kanzlerin auf dem Programm, gefolgt von einem"
            " gemeinsamen Auftritt vor der Presse.",
            {("talks", "announced"), ("press_statement", "announced")},
        ),
        (
            "en",
            "The visitor's talks with the premier are on the agenda, followed by a joint news"
            " conference.",
            {("talks", "announced"), ("press_statement", "announced")},
        ),
        (
            "en",
            "The visitor held talks with the premier, followed by a joint news conference.",
            {("talks", "occurred"), ("press_statement", "occurred")},
        ),
        # the meal that closes the day's programme, told in the present
        ("de", "Der Staatsbesuch endet mit einem Abendessen im Schloss.", {("talks", "announced")}),
        ("de", "Der Staatsbesuch endete mit einem Abendessen im Schloss.", {("talks", "occurred")}),
        # the same in a subordinate clause, the verb at its end
        (
            "de",
            "Biden ist in Belfast, wo am Donnerstag Gespräche mit Varadkar anstehen.",
            {("talks", "announced")},
        ),
        (
            "de",
            "Biden ist in Belfast, wo am Nachmittag ein Treffen mit Sunak auf dem Programm steht.",
            {("talks", "announced")},
        ),
        # a schedule that lists the programme: every item of the list is still ahead
        (
            "en",
            "Friday's schedule calls for a welcome ceremony, a meeting with the premier and a"
            " news conference.",
            {("arrival", "announced"), ("talks", "announced"), ("press_statement", "announced")},
        ),
        # a programme told as a menu
        (
            "en",
            "Talks with the prime minister and a joint news conference are on the menu today.",
            {("talks", "announced"), ("press_statement", "announced")},
        ),
        # "after" governs what follows it, not a verb that a future word governs
        ("en", "After the ceremony the two leaders will hold talks.", {("talks", "announced")}),
        # a cue after a trigger in the simple past governs something else
        (
            "en",
            "Merkel has arrived in Sochi to meet Putin for talks expected to focus on Syria.",
            {("arrival", "occurred"), ("talks", "announced")},
        ),
        # the present tense alone, or the day with the past, tells what took place
        ("de", "Macron kommt mit Putin in Paris zusammen.", {("talks", "occurred")}),
        ("de", "Das Treffen heute dauerte drei Stunden.", {("talks", "occurred")}),
        # a short parenthesis is no clause: the future of the sentence reaches past it
        (
            "en",
            "The two leaders will dine at 7 pm (local time) before their meeting at the palace.",
            {("talks", "announced")},
        ),
        # a trigger in the simple past took place, whatever the clause it is joined to will do
        (
            "en",
            "Lula and Biden will hold a news conference at noon Friday as the Brazilian leader"
            " arrived at the airport.",
            {("press_statement", "announced"), ("arrival", "occurred")},
        ),
        # one type with two statuses in one sentence: two events
        (
            "en",
            "Albanese landed in Honolulu on Sunday and is due to arrive in Washington on Tuesday.",
            {("arrival", "occurred"), ("arrival", "announced")},
        ),
        # a planning word right after the trigger outweighs "after" before it
        (
            "en",
            "After a lunch scheduled for 1 p.m., the two leaders will hold a news conference.",
            {("talks", "announced"), ("press_statement", "announced")},
        ),
        # attending a parade or a celebration is a visit
        (
            "en",
            "Prime Minister Albanese joined Macron for the military parade in Paris on Friday.",
            {("visit", "occurred")},
        ),
        ("de", "Scholz nahm in Rom an den Feierlichkeiten teil.", {("visit", "occurred")}),
        (
            "en",
            "Speaking to reporters after the talks, Scholz said Biden had been clear.",
            {("press_statement", "occurred"), ("talks", "occurred")},
        ),
        (
            "de",
            "Gegenüber Medien sagte Merz nach dem Treffen mit Trump, es sei gut gelaufen.",
            {("press_statement", "occurred"), ("talks", "occurred")},
        ),
        # a meeting only proposed or asked for
        (
            "de",
            "Scholz schlug Erdogan ein neues Treffen in den kommenden Wochen vor.",
            {("invitation", "proposed")},
        ),
        (
            "en",
            "Zelensky said he was ready to meet Putin in Istanbul.",
            {("invitation", "proposed")},
        ),
        # a welcome, an embrace: the greeting on arrival
        (
            "en",
            "Biden gave Kishida a warm welcome at the White House on Wednesday.",
            {("arrival", "occurred")},
        ),
        ("de", "In Kiew umarmten sich Selenskyj und Scholz.", {("arrival", "occurred")}),
        (
            "en",
            "The start of the talks between Lula and Xi was open to the press.",
            {("press_statement", "occurred"), ("talks", "occurred")},
        ),
        # a phrase that holds a trigger word but tells no event
        ("de", "Für den Besuch wurden Sicherheitsvorkehrungen getroffen.", set()),
        ("en", "The plan met with criticism in Kyiv on Monday.", set()),
        ("de", "Bei Trump kamen ihre Worte in Washington gut an.", set()),
        ("en", "Merkel said in Beijing she welcomed the decision to withdraw the bill.", set()),
        # a pledge welcomed, a break with custom, a start of relations: no arrival, no departure
        ("en", "Lula said in Rome on Friday that he welcomed her pledge to cut tariffs.", set()),
        # a thing owned by a person named right before it is still a thing: no arrival
        ("en", "In Oslo, Lula on Friday welcomed Støre's decision to join the fund.", set()),
        ("de", "Lula begrüßte am Freitag Støres Entscheidung, dem Fonds beizutreten.", set()),
        ("en", "Lula and Støre welcomed the adoption of the fisheries accord in Oslo.", set()),
        # the subject after the verb, the thing right after it: who welcomes, not a guest
        ("de", "Am Freitag begrüßte Lula die Entscheidung der norwegischen Regierung.", set()),
        (
            "de",
            "Während seines Treffens mit Støre begrüßte Lula die Unterstützung Norwegens für"
            " den Fonds.",
            {("talks", "occurred")},
        ),
        ("en", "In Oslo, Lula on Friday welcomed Norway's support for the fund.", set()),
        # a guest and a thing linked by a word between them: the guest is welcomed
        (
            "de",
            "Am Flughafen begrüßte Lula Støre nach der Einigung in Oslo.",
            {("arrival", "occurred")},
        ),
        (
            "en",
            "Lula and Xi sat apart at the lunch in Beijing, a departure from protocol.",
            {("talks", "occurred")},
        ),
        ("en", "Ties between Lula and Xi got off to a rocky start in Beijing in 2023.", set()),
        # a farewell that names a journey, a handshake that ends a meeting, the anniversary of a
        # signing: no departure, no arrival, no signing
        ("en", "The president was in Athens on Tuesday on his farewell tour of Europe.", set()),
        (
            "en",
            "Lula and Xi shook hands after the talks in Beijing on Friday.",
            {("talks", "occurred")},
        ),
        ("de", "In Paris feierten beide den Jahrestag der Unterzeichnung des Vertrags.", set()),
        # verbs that end in "treffen" and name no meeting: no talks
        ("de", "Die neuen Zölle betreffen auch die Fischerei Norwegens.", set()),
        ("de", "Die Zahlen übertreffen die Erwartungen der Regierung in Oslo.", set()),
        # a guest book signed, a signing dated in a month of its own: no talks
        ("en", "Lula and Xi also signed the guest book in Beijing on Friday.", set()),
        (
            "en",
            "Lula traveled to Beijing on Tuesday to promote the trade pact signed in July.",
            {("arrival", "occurred")},
        ),
        # others asked to leave a country: no departure
        ("en", "Lula also urged Brazilians to leave the region on Friday.", set()),
        # "will" as a noun announces nothing
        (
            "en",
            "Scholz has met Biden in Washington, stressing their will to work together.",
            {("talks", "occurred")},
        ),
        # reported speech of a plan (Konjunktiv I), and an intention told in the past
        (
            "de",
            "Das Treffen sei für 12.30 Uhr am Rande des Gipfels der Staaten und Regionen "
            "angesetzt, teilte der Kreml mit.",
            {("talks", "announced")},
        ),
        ("de", "Putin wolle Erdogan in Astana treffen, sagte Peskow.", {("talks", "announced")}),
        (
            "en",
            "Ramaphosa intended to meet Trump in the Oval Office.",
            {("talks", "announced")},
        ),
        ("de", "Putin lud Biden nach Moskau ein.", {("invitation", "proposed")}),
        (
            "de",
            "Er hoffe, dass das nächste Treffen wieder persönlich stattfinde.",
            {("invitation", "proposed")},
        ),
        ("en", "Putin invited Biden to Moscow.", {("invitation", "proposed")}),
        ("en", '"Next time in Washington," Biden told Putin.', {("invitation", "proposed")}),
        # a journey in the present perfect with a purpose infinitive: what it is for is still
        # to come, however the talks' own clause speaks of them
        (
            "en",
            "The Danish president has arrived in Oslo to meet the Chilean president for talks "
            "expected to focus on fisheries.",
            {("arrival", "occurred"), ("talks", "announced")},
        ),
        (
            "de",
            "Die dänische Präsidentin ist nach Oslo gereist, um dort den chilenischen Präsidenten "
            "zu treffen.",
            {("arrival", "occurred"), ("talks", "announced")},
        ),
        # a clause that opens the sentence is as far ahead as the main clause whose future word
        # follows its comma (the finite verb of a German main clause comes right after it)
        (
            "de",
            "Was die dänische Präsidentin und der chilenische Präsident bei ihrem Treffen "
            "besprechen, wollen sie am Abend erklären.",
            {("talks", "announced")},
        ),
        # ... but not a main clause that a word opens before its future word
        (
            "de",
            "Die dänische Präsidentin traf den chilenischen Präsidenten, danach sollen die "
            "Minister beraten.",
            {("talks", "occurred")},
        ),
        # a journey in the simple past is told once what it was for has taken place
        (
            "en",
            "The Danish president landed in Oslo on Friday to meet the Chilean president.",
            {("arrival", "occurred"), ("talks", "occurred")},
        ),
        # a journey under way, whatever the tense of its clause: what it is for is still ahead
        (
            "en",
            "The Danish president stopped in Bergen on her way to meet the Chilean president.",
            {("talks", "announced")},
        ),
        (
            "en",
            "The Danish president was in Bergen, en route to meet the Chilean president.",
            {("talks", "announced")},
        ),
        # a caption in the present tense tells the moment shown, not what a journey is for;
        # a journey told in the past, then what it was for: that is still to come
        (
            "en",
            "The Danish and Chilean presidents arrive for a press conference at the palace.",
            {("arrival", "occurred"), ("press_statement", "occurred")},
        ),
        (
            "en",
            "The Danish president arrived in Oslo on Friday for talks with the Chilean president.",
            {("arrival", "occurred"), ("talks", "announced")},
        ),
        # the occasion of a saying took place, whatever future the words said speak of; not
        # an event named in what was said
        (
            "en",
            "The Danish president told reporters during a dinner that she would meet the "
            "Chilean president.",
            {("press_statement", "occurred"), ("talks", "occurred"), ("talks", "announced")},
        ),
        (
            "en",
            "The Danish president said that at the meeting she will raise trade.",
            {("talks", "announced")},
        ),
        # what was negotiated or discussed, the verb at the end or split ("über ... beraten",
        # "tauschten sich ... aus"); not the purpose of another meeting ("um über ... zu beraten")
        (
            "de",
            "Der dänische und der chilenische Präsident haben am Montag in Oslo über den "
            "Fischfang beraten.",
            {("talks", "occurred")},
        ),
        (
            "de",
            "Die beiden Präsidenten tauschten sich in Oslo über den Fischfang aus.",
            {("talks", "occurred")},
        ),
        (
            "de",
            "Die Präsidentin will den Präsidenten am Montag treffen, um über den Fischfang zu "
            "beraten.",
            {("talks", "announced")},
        ),
        # an appearance before the press with its verb in the present tense is still ahead in
        # the day's programme, the verb first or last; in the past tense it took place
        (
            "de",
            "Danach treten die beiden Präsidentinnen in Oslo vor die Presse.",
            {("press_statement", "announced")},
        ),
        (
            "de",
            "Die Präsidentinnen essen zu Mittag, bevor sie in Oslo vor die Presse treten.",
            {("press_statement", "announced")},
        ),
        (
            "de",
            "Zum Abschluss gibt die dänische Präsidentin in Oslo eine Pressekonferenz.",
            {("press_statement", "announced")},
        ),
        (
            "de",
            "Zum Abschluss gab die dänische Präsidentin in Oslo eine Pressekonferenz.",
            {("press_statement", "occurred")},
        ),
        # "künftig" as an adverb tells what is to come; as an adjective it marks a person ("ihr
        # künftiger Amtskollege", the one elected), not the event
        (
            "de",
            "Die Präsidentin und ihr künftiger Amtskollege waren sich bei ihrem Telefonat am"
            " Montag einig.",
            {("phone_call", "occurred")},
        ),
        (
            "de",
            "Künftig wollen die Präsidentin und ihr Amtskollege jeden Monat telefonieren.",
            {("phone_call", "announced")},
        ),
    ],
)
def test_type_and_status(lang, text, expected):
    assert _events(lang, text) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a journey as a whole called off is the visit, cancelled (no container of stops),
        # whatever verb calls it off
        ("en", "Lula cancelled his trip to Chile on Monday.", {("visit", "cancelled")}),
        ("en", "Kishida's state visit to Peru was called off.", {("visit", "cancelled")}),
        ("en", "Lula decided to scrap his visit to Chile.", {("visit", "cancelled")}),
        ("en", "The minister said Lula had to cancel his trip to Chile.", {("visit", "cancelled")}),
        ("de", "Der Besuch des Kanzlers in Peru wurde abgesagt.", {("visit", "cancelled")}),
        ("de", "Der Kanzler musste seinen Besuch in Peru absagen.", {("visit", "cancelled")}),
        # the calling off of another event in the journey's clause is that event's
        (
            "en",
            "On his trip to Chile Lula cancelled a meeting with Boric.",
            {("talks", "cancelled")},
        ),
        # a journey whose calling off stands in another clause goes ahead
        (
            "en",
            "Lula began his state visit to Peru, having cancelled a stop in Chile.",
            set(),
        ),
        # a journey put off to a later day is made up then: the visit as a whole
        ("en", "Kishida's state visit to Peru was postponed.", set()),
        ("en", "Lula began his state visit, having postponed a trip to Chile.", set()),
        ("de", "Lula hat seine Reise nach Chile verschoben.", set()),
        # a journey not called off stays the container
        ("en", "Lula did not cancel his trip to Chile.", set()),
        ("de", "Der Besuch in Peru wurde nicht abgesagt.", set()),
        ("en", "Lula's visit to Chile lasted three days.", set()),
    ],
)
def test_a_journey_called_off_is_a_cancelled_visit(lang, text, expected):
    assert _events(lang, text) == expected


@pytest.mark.parametrize(
    ("lang", "text", "day"),
    [
        # a visit called off took place on no day: not the report's ...
        ("en", "Lula cancelled his trip to Chile.", None),
        ("de", "Der Besuch des Kanzlers in Peru wurde abgesagt.", None),
        # ... nor that of the saying that reports the calling off
        ("en", "Boric said Wednesday that Lula had cancelled his trip to Chile.", None),
        # the day its sentence sets it on dates it
        ("en", "Lula cancelled his trip to Chile on June 20.", dt.date(2021, 6, 20)),
    ],
)
def test_a_visit_called_off_takes_only_the_day_its_sentence_names(lang, text, day):
    visits = _table(lang, text).query("event_type == 'visit'")
    assert list(visits.status) == ["cancelled"]
    assert list(visits.date) == [day]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # talking apart, or a few words in passing: talks
        ("Lula and Xi spoke privately for an hour in Beijing.", {("talks", "occurred")}),
        (
            "Kishida and Lula exchanged pleasantries at the gala in Rome.",
            {("talks", "occurred")},
        ),
        (
            "Lula and Xi had a brief conversation at the airport in Beijing.",
            {("talks", "occurred")},
        ),
        # a press conference by another name, words said before the press
        (
            "Macron will hold a media conference in Paris on Friday.",
            {("press_statement", "announced")},
        ),
        (
            "Speaking in front of journalists in Ottawa, Kishida thanked Macron.",
            {("press_statement", "occurred")},
        ),
        # leaving on a day; a thing left on a day is no leave-taking
        (
            "Lula left on Tuesday to attend the summit in Santiago.",
            {("departure", "occurred")},
        ),
        ("The gifts were left on Monday at the embassy in Rome.", set()),
    ],
)
def test_english_words_a_careful_reader_reads_as_the_event(text, expected):
    assert _events("en", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lula addressed the United Nations General Assembly on Tuesday and called for reform.",
            {("press_statement", "occurred")},
        ),
        (
            "Kishida will address the 79th session of the General Assembly on Wednesday.",
            {("press_statement", "announced")},
        ),
        (
            "Ramaphosa is due to give a speech at the opening of the UN General Assembly.",
            {("press_statement", "announced")},
        ),
    ],
)
def test_a_speech_to_the_general_assembly_is_a_statement(text, expected):
    # said where the leaders meet, not a stop elsewhere (a visit)
    assert _events("en", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # to call for something, and calls to do something made public, are appeals: no call
        ("Lula will call for a ceasefire at the summit in Brasília on Friday.", set()),
        ("Kishida would also call for lower tariffs on rice, his aides in Tokyo said.", set()),
        ("Lula continues to call for Xi to open the market to Brazilian beef.", set()),
        ("The court in Brasília ignored calls to arrest Lula on Monday.", set()),
        ("There were growing calls to postpone the summit in Rome.", set()),
        # a call to a person is still a call
        ("Lula will call Xi on Friday.", {("phone_call", "announced")}),
        ("Kishida made two calls to Lula on Monday.", {("phone_call", "occurred")}),
    ],
)
def test_a_call_for_something_is_an_appeal_not_a_phone_call(text, expected):
    assert _events("en", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a separable verb at the end of a subordinate clause, its particle joined to it, is the
        # event its split form in a main clause is ("traf ... ein", "traf ... zusammen")
        (
            "Als die dänische Präsidentin am Montag in Valparaíso eintraf, regnete es.",
            {("arrival", "occurred")},
        ),
        (
            "Es war das erste Mal, dass die dänische Präsidentin mit ihrem chilenischen"
            " Amtskollegen zusammentraf.",
            {("talks", "occurred")},
        ),
        (
            "Die dänische Präsidentin dankte den Gastgebern, bevor sie am Abend aus Valparaíso"
            " abreiste.",
            {("departure", "occurred")},
        ),
    ],
)
def test_a_separable_verb_joined_at_the_end_of_its_clause_tells_the_event(text, expected):
    assert _events("de", text) == expected


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a meal word at the end of a compound tells the meal, as it does alone
        (
            "Am Abend gab die dänische Präsidentin ein Begrüßungsbankett für ihren chilenischen"
            " Amtskollegen.",
            "Begrüßungsbankett",
        ),
        (
            "Die dänische Präsidentin lud den chilenischen Präsidenten zu einem"
            " Arbeitsfrühstück in Valparaíso.",
            "Arbeitsfrühstück",
        ),
        (
            "Die dänische Präsidentin und der chilenische Präsident saßen beim Arbeitslunch"
            " in Valparaíso.",
            "Arbeitslunch",
        ),
        (
            "Zum Abschluss gab der chilenische Präsident ein Staatsdinner für die dänische"
            " Präsidentin.",
            "Staatsdinner",
        ),
    ],
)
def test_a_german_meal_word_ending_a_compound_tells_the_meal(text, trigger):
    table = _table("de", text)
    assert set(zip(table.event_type, table.status, strict=True)) == {("talks", "occurred")}
    assert trigger in set(table.trigger)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb phrase after a comma with no subject of its own shares the auxiliary before it
        (
            "The Danish premier will tour the harbour in Valparaíso, and hold talks with the"
            " Chilean president.",
            {("talks", "announced")},
        ),
        (
            "The Danish premier will lay a wreath at the cathedral, visit the port, and have a"
            " dinner with the Chilean president.",
            {("visit", "announced"), ("talks", "announced")},
        ),
        # a clause with a subject of its own keeps its own tense
        (
            "The Danish premier will tour the harbour on Friday, and the Chilean president held"
            " talks with him on Thursday.",
            {("talks", "occurred")},
        ),
        (
            "The Danish premier toured the harbour, and held talks with the Chilean president.",
            {("visit", "occurred"), ("talks", "occurred")},
        ),
    ],
)
def test_a_verb_phrase_without_a_subject_shares_the_auxiliary_before_it(text, expected):
    assert _events("en", text) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a meeting after which the main clause tells what is still ahead is ahead too
        (
            "de",
            "Nach einem Gespräch mit der dänischen Präsidentin will der chilenische Präsident eine"
            " Pressekonferenz geben.",
            {("talks", "announced"), ("press_statement", "announced")},
        ),
        (
            "de",
            "Im Anschluss an ihre Beratungen geben die beiden Präsidentinnen eine Pressekonferenz.",
            {("talks", "announced"), ("press_statement", "announced")},
        ),
        (
            "en",
            "After their talks in Valparaíso, the Danish and Chilean presidents will hold a joint"
            " news conference.",
            {("talks", "announced"), ("press_statement", "announced")},
        ),
        # what follows a verb of saying was said; a main clause with a day of its own tells
        # another occasion
        ("en", "After their talks, the Danish president said he will return in May.", None),
        (
            "de",
            "Nach einem Abendessen am Donnerstag wollen die Präsidentinnen am Freitag erneut"
            " zusammenkommen.",
            {("talks", "occurred"), ("talks", "announced")},
        ),
        # a plan around the noun, however long its phrase, is ahead; "stand ... auf dem
        # Programm" and "länger als geplant" tell what took place
        (
            "de",
            "Danach ist ein Mittagessen der beiden Delegationen im Garten der Residenz geplant.",
            {("talks", "announced")},
        ),
        (
            "de",
            "Für Freitag war ein Treffen der Präsidentinnen mit den Bürgermeistern der beiden"
            " Hauptstädte geplant.",
            {("talks", "announced")},
        ),
        (
            "de",
            "Am Abend stand ein Abendessen der beiden Delegationen im Garten der Residenz auf dem"
            " Programm.",
            None,
        ),
        (
            "de",
            "Das Treffen der Präsidentinnen im Garten der Residenz dauerte länger als geplant.",
            None,
        ),
    ],
)
def test_a_meeting_noun_takes_the_status_of_the_clause_around_it(lang, text, expected):
    assert _events(lang, text) == (expected or {("talks", "occurred")})


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a sentence that opens with an event the reader knows tells in its future what the
        # event will be or bring, not a second event: the report's telling of it decides
        (
            "en",
            "The Danish and Chilean presidents met in Oslo on Tuesday. The meeting will be"
            " remembered as a turning point for the fisheries accord.",
            {("talks", "occurred")},
        ),
        (
            "de",
            "Die dänische Präsidentin traf am Dienstag in Oslo den chilenischen Präsidenten. Das"
            " Treffen soll die Zusammenarbeit in der Fischerei stärken.",
            {("talks", "occurred")},
        ),
        # alone, it stays what its clause says
        (
            "en",
            "The Danish president will meet the Chilean president in Oslo. The meeting will be"
            " remembered as a turning point.",
            {("talks", "announced")},
        ),
        # a meal is an item of the programme of its own
        (
            "en",
            "The Danish and Chilean presidents met in Oslo on Tuesday. The dinner will be served"
            " in the old harbour hall.",
            {("talks", "occurred"), ("talks", "announced")},
        ),
    ],
)
def test_the_future_of_a_sentence_opening_with_a_known_event_is_no_second_one(lang, text, expected):
    assert _events(lang, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a verb of saying after the trigger reports has its own future
        (
            "The Danish prime minister arrives in Oslo and her spokesman says the fishing quarrel"
            " will be settled soon.",
            {("arrival", "occurred")},
        ),
        # a verb of announcing before a trigger in the simple past is the saying, not a plan
        (
            "The palace announced on its website that the Chilean president landed in Oslo.",
            {("arrival", "occurred")},
        ),
    ],
)
def test_a_verb_of_saying_keeps_what_it_reports_apart_from_the_status(text, expected):
    assert _events("en", text) == expected


def test_the_occasion_an_agreement_was_made_at_took_place():
    # what was agreed is still ahead, the call it was agreed in took place
    text = (
        "Bei ihrem langen Telefonat vereinbarten die dänische Präsidentin und der chilenische"
        " Präsident ein Treffen in Santiago im Herbst."
    )
    assert ("phone_call", "occurred") in _events("de", text)


def test_what_talks_will_be_about_is_still_ahead_beside_a_meeting_told_in_the_present():
    # "kommt ... zusammen" may be the day's programme: no sign that the talks took place
    text = (
        "Die dänische Präsidentin kommt in Oslo mit dem chilenischen Präsidenten zusammen. Die"
        " Gespräche sollen sich um die Fischerei drehen."
    )
    assert ("talks", "announced") in _events("de", text)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The virtual summit of the Danish and Chilean presidents lasted two hours."),
        ("en", "The presidents of Denmark and Chile held virtual talks on Tuesday."),
        ("en", "The Danish and Chilean presidents ended their online meeting after an hour."),
        ("de", "Das Videogespräch der Präsidentinnen Dänemarks und Chiles dauerte zwei Stunden."),
        ("de", "Der virtuelle Gipfel der beiden Präsidenten endete am Dienstagabend."),
        # a compound whose head is a container word ("*gipfel", a summit as a whole)
        ("de", "Der Videogipfel der Präsidentinnen Dänemarks und Chiles dauerte zwei Stunden."),
    ],
)
def test_a_meeting_held_over_screens_is_a_call(lang, text):
    # a video summit, virtual talks, "Videogespräch": no meeting at a place, a call
    assert _events(lang, text) == {("phone_call", "occurred")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the present tense with a day of the week or "morgen": the programme
        (
            "Scholz empfängt am Donnerstag den kanadischen Premierminister Trudeau im Kanzleramt.",
            {("arrival", "announced")},
        ),
        ("Macron und Sánchez kommen am Freitag in Madrid zusammen.", {("talks", "announced")}),
        ("Scholz trifft morgen in Rom mit Meloni zusammen.", {("talks", "announced")}),
        # so do verbs of the programme that are no trigger, and "treffen" with "sich" after it
        ("Am Freitag treffen sich Sánchez und Meloni in Rom.", {("talks", "announced")}),
        (
            "Dem Gipfel gehen am Montag Gespräche zwischen Sánchez und Meloni voraus.",
            {("talks", "announced")},
        ),
        (
            "Am Dienstag gehört Meloni zu den Gästen der Militärparade in Paris.",
            {("visit", "announced")},
        ),
        ("Sánchez nimmt am Sonntag an der Militärparade in Paris teil.", {("visit", "announced")}),
        ("Am Freitag haben sich Sánchez und Meloni in Rom getroffen.", {("talks", "occurred")}),
        # a participle before or after its auxiliary, or after one of a clause coordinated to
        # its own, tells what took place
        ("Am Freitag ist Sánchez in Paris von Macron empfangen worden.", {("arrival", "occurred")}),
        (
            "Am Montag haben Meloni und der polnische Regierungschef Tusk miteinander telefoniert.",
            {("phone_call", "occurred")},
        ),
        (
            "Das sagte Scholz, der am Dienstag Meloni in Berlin empfangen hat.",
            {("arrival", "occurred")},
        ),
    ],
)
def test_the_present_tense_with_a_day_where_the_report_gives_no_day_of_writing(text, expected):
    table = _tables("de", {"case": (text, None)})
    assert set(zip(table.event_type, table.status, strict=True)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the present progressive with a later day: the programme
        ("Sánchez is meeting Meloni in Rome on Thursday.", None, {("talks", "announced")}),
        # a day of the week other than that of writing (a Monday)
        (
            "The chancellor is meeting the Canadian prime minister in Berlin on Wednesday.",
            "2023-06-12",
            {("talks", "announced")},
        ),
        (
            "The chancellor is meeting the Canadian prime minister in Berlin on June 12.",
            "2023-06-09",
            {("talks", "announced")},
        ),
        # a date without its year on the day of writing: what is under way, not the programme
        (
            "The chancellor is meeting the Canadian prime minister in Berlin on June 12.",
            "2023-06-12",
            {("talks", "occurred")},
        ),
        # a date without its year before the day of writing falls in the year of writing (not
        # in that of the machine's clock): the present of a caption, what took place
        (
            "The chancellor meets the Canadian prime minister in Berlin on June 2.",
            "2023-06-12",
            {("talks", "occurred")},
        ),
    ],
)
def test_the_present_progressive_with_a_later_day(text, published, expected):
    table = _tables("en", {"case": (text, published)})
    assert set(zip(table.event_type, table.status, strict=True)) == expected


@pytest.mark.parametrize(
    ("lang", "text", "published", "actors"),
    [
        (
            "de",
            "Der US-Präsident traf den Kremlchef in Genf.",
            "2021-06-17 08:00",
            {"Biden", "Putin"},
        ),
        (
            "de",
            "Der US-Präsident traf den Kremlchef in Helsinki.",
            "2018-07-17 08:00",
            {"Trump", "Putin"},
        ),
        (
            "en",
            "The U.S. president met the Russian president in Geneva.",
            "2021-06-17 08:00",
            {"Biden", "Putin"},
        ),
        (
            "de",
            "Putin telefonierte am Abend mit Selenskyj.",
            "2021-06-17 08:00",
            {"Putin", "Zelensky"},
        ),
        ("en", "Putin phoned Zelenskyy in the evening.", "2021-06-17 08:00", {"Putin", "Zelensky"}),
        (
            "de",
            "Biden traf Außenminister Lawrow zu einem Gespräch.",
            "2021-06-17 08:00",
            {"Biden", "Lavrov"},
        ),
        # titled names that no gazetteer knows, transliterated by the title's country
        (
            "de",
            "An dem Gespräch nahm auch der russische Sondergesandte Jewgeni Primakow teil.",
            "2021-06-17 08:00",
            {"Primakov"},
        ),
        (
            "en",
            "Secretary of State Condoleezza Rice joined the talks.",
            "2006-06-17 08:00",
            {"Rice"},
        ),
        (
            "en",
            "Kirill Dmitriev, a Kremlin envoy, joined the talks.",
            "2021-06-17 08:00",
            {"Dmitriev"},
        ),
        # a known name and the noun after it are not a new person
        (
            "de",
            "Bei ihrem Treffen haben Trump und Staatschef Wladimir Putin Handschläge getauscht.",
            "2017-07-07 18:00",
            {"Putin", "Trump"},
        ),
        # a Japanese name in its own order (family name first)
        (
            "en",
            "Trump met Japanese Prime Minister Ishiba Shigeru on Friday.",
            "2025-02-08 08:00",
            {"Trump", "Ishiba"},
        ),
        # people a coordinator joins to the subject of a press statement speak with it
        (
            "en",
            "Lula and South African President Cyril Ramaphosa held a press conference.",
            "2023-08-22 08:00",
            {"Lula", "Ramaphosa"},
        ),
        (
            "de",
            "Danach geben Lula und Ramaphosa eine Pressekonferenz.",
            "2023-08-22 08:00",
            {"Lula", "Ramaphosa"},
        ),
    ],
)
def test_actors_resolved(lang, text, published, actors):
    table = _table(lang, text, published)
    assert len(table) == 1
    assert actors <= set(table.iloc[0].actors)


@pytest.mark.parametrize(
    ("lang", "text", "actors"),
    [
        # the pronoun of a clause is the one person its sentence named before it, not the last
        # person of the sentence before
        (
            "en",
            "Scholz met Macron in Paris on Tuesday. Merkel toured the gallery with the hosts, "
            "before she left the city on Wednesday.",
            {"Merkel"},
        ),
        (
            "de",
            "Scholz traf Macron am Dienstag in Paris. Steinmeier besichtigte mit den Gastgebern "
            "die Galerie, bevor er am Mittwoch abreiste.",
            {"Steinmeier"},
        ),
    ],
)
def test_a_pronoun_is_the_one_person_named_before_it_in_its_sentence(lang, text, actors):
    table = _table(lang, text, "2021-06-17 08:00")
    departures = table[table.event_type == "departure"]
    assert [set(a) for a in departures.actors] == [actors]


@pytest.mark.parametrize(
    ("lang", "text", "actors"),
    [
        (
            "en",
            "Biden met Merkel on Thursday in the Oval Office. Merkel had already met Vice "
            "President Kamala Harris in the morning. She is the first head of government from "
            "Europe to be received by Biden at the White House.",
            [{"Biden", "Merkel"}, {"Harris", "Merkel"}],
        ),
        (
            "de",
            "Scholz traf am Montag Macron in Paris. Die Regierungskrise um Premierminister "
            "François Bayrou hält Frankreich seit Wochen in Atem.",
            [{"Macron", "Scholz"}],
        ),
    ],
)
def test_a_meeting_naming_both_sides_takes_no_names_from_the_next_sentence(lang, text, actors):
    """A sentence without a trigger after a meeting that names both its sides adds nobody."""
    table = _table(lang, text, "2021-07-15 20:00")
    talks = table[table.event_type == "talks"]
    assert sorted(map(set, talks.actors), key=sorted) == sorted(actors, key=sorted)


@pytest.mark.parametrize(
    ("lang", "text", "place", "zone"),
    [
        ("de", "Biden landete in Genf.", "Geneva", "Europe/Zurich"),
        ("de", "Trump landete in Singapur.", "Singapore", "Asia/Singapore"),
        ("en", "Trump landed in Hanoi.", "Hanoi", "Asia/Ho_Chi_Minh"),
        ("en", "Putin and Xi held talks in the Kremlin.", "Moscow", "Europe/Moscow"),
        ("de", "Putin lud Biden nach Moskau ein.", "Moscow", None),
    ],
)
def test_place_and_zone(lang, text, place, zone):
    row = _table(lang, text).iloc[0]
    assert row.place == place
    if zone:
        assert row.timezone == zone


@pytest.mark.parametrize(
    ("lang", "text", "zone", "start"),
    [
        ("en", "Smith and Jones held a phone call at 9:03 a.m. ET.", "America/New_York", "09:03"),
        ("de", "Schmidt und Meier telefonierten um 16 Uhr (UTC+3).", "Etc/GMT-3", "16:00"),
    ],
)
def test_an_unplaced_clock_keeps_the_zone_it_states(lang, text, zone, start):
    row = _table(lang, text).iloc[0]
    assert row.place is None
    assert row.timezone == zone
    assert row.start.strftime("%H:%M") == start


@pytest.mark.parametrize(
    ("lang", "text", "kind", "place"),
    [
        # a destination in another clause is where the aid goes, not where anyone spoke
        (
            "en",
            "Arms deliveries to Poland will go on, Biden told reporters.",
            "press_statement",
            None,
        ),
        (
            "de",
            "Die Lieferungen nach Polen gehen weiter, sagte Biden auf einer Pressekonferenz.",
            "press_statement",
            None,
        ),
        (
            "en",
            "Biden told reporters in Lisbon that the aid would go on.",
            "press_statement",
            "Lisbon",
        ),
        # the meeting's own clause still names where it is held
        ("en", "Biden flew to Lisbon for talks with Costa.", "talks", "Lisbon"),
    ],
)
def test_a_destination_in_another_clause_is_not_the_place(lang, text, kind, place):
    rows = _table(lang, text)
    row = rows[rows.event_type == kind].iloc[0]
    assert (row.place if isinstance(row.place, str) else None) == place


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        # a place before a verb of saying that reports the meeting is where it was said
        (
            "en",
            "In Lisbon, officials noted that the talks between Biden and Costa would be brief.",
            None,
        ),
        (
            "en",
            "Earlier in Lisbon, it was said that Biden and Costa would meet for talks on Friday.",
            None,
        ),
        ("de", "In Lissabon hieß es, das Treffen zwischen Biden und Costa werde kurz sein.", None),
        ("de", "In Lissabon sagte ein Sprecher, das Treffen von Biden und Costa werde kurz.", None),
        # the meeting's own clause still names where it is held
        (
            "en",
            "In Lisbon, aides noted that the talks in Oslo between Biden and Costa would be short.",
            "Oslo",
        ),
        ("en", "Biden and Costa held talks in Lisbon on Friday.", "Lisbon"),
    ],
)
def test_a_place_before_a_verb_of_saying_is_where_it_was_said(lang, text, place):
    rows = _table(lang, text)
    row = rows[rows.event_type == "talks"].iloc[0]
    assert (row.place if isinstance(row.place, str) else None) == place


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        # a verb of leaving takes its place with no preposition: where the departure happens
        ("en", "The chancellor left Lisbon on Monday evening.", "Lisbon"),
        ("en", "On Monday the chancellor departed Oslo by train.", "Oslo"),
        ("de", "Am Montagabend hat die Kanzlerin Lissabon verlassen.", "Lisbon"),
        ("de", "Die Kanzlerin verließ Oslo am Montagabend.", "Oslo"),
    ],
)
def test_a_departure_takes_the_place_a_verb_of_leaving_takes(lang, text, place):
    rows = _table(lang, text)
    row = rows[rows.event_type == "departure"].iloc[0]
    assert row.place == place


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a departure whose start follows it right away ("departure from", "Abflug aus") happens
        # there, not at the venue of the talks the report tells
        (
            "en",
            "Shortly before her departure from Paris on Monday, the chancellor phoned her "
            "ministers. On Tuesday she met Prime Minister Pedro Sánchez in Madrid.",
        ),
        (
            "de",
            "Kurz vor ihrem Abflug aus Paris hatte die Kanzlerin am Montag mit ihren Ministern "
            "telefoniert. Am Dienstag traf sie in Madrid Ministerpräsident Pedro Sánchez.",
        ),
    ],
)
def test_a_departure_whose_start_follows_it_happens_there(lang, text):
    rows = _table(lang, text, published="2024-03-06")
    departure = rows[rows.event_type == "departure"].iloc[0]
    talks = rows[rows.event_type == "talks"].iloc[0]
    assert (departure.place, talks.place) == ("Paris", "Madrid")


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        # a journey that names where it starts is the leaving there, not the arrival where it
        # goes; its place is the start
        (
            "de",
            "Die Kanzlerin reiste am Morgen mit ihrem Berater von Lissabon nach Madrid.",
            "Lisbon",
        ),
        ("de", "Der Präsident flog am Freitag von Oslo nach Madrid.", "Oslo"),
        ("en", "The prime minister flew from Oslo to Ottawa on Friday.", "Oslo"),
    ],
)
def test_a_journey_naming_where_it_starts_is_the_departure_from_there(lang, text, place):
    rows = _table(lang, text)
    assert list(zip(rows.event_type, rows.place, strict=True)) == [("departure", place)]


def test_a_departure_from_a_place_its_clause_names_left_is_not_at_the_venue():
    # the trip began at home: the venue of the talks is not where he left from
    rows = _table(
        "en",
        "President Biden held talks with Prime Minister Costa in Lisbon on Tuesday. Before he "
        "left Washington on Monday, Biden told reporters he hoped for progress.",
        published="2024-01-10",
    )
    departure = rows[rows.event_type == "departure"].iloc[0]
    talks = rows[rows.event_type == "talks"].iloc[0]
    assert (departure.place, talks.place) == ("Washington", "Lisbon")


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        # "where" after a comma: its clause happens at the place named before the comma, the
        # far end of a journey too, not at the venue of the report's own talks
        (
            "en",
            "Merkel met President Macron in Paris on Tuesday. From Paris she went on to Rome, "
            "where she was welcomed by Prime Minister Conte.",
            "Rome",
        ),
        (
            "de",
            "Merkel traf am Dienstag in Paris Präsident Macron. Danach reiste sie von Paris nach "
            "Rom, wo sie von Ministerpräsident Conte empfangen wurde.",
            "Rome",
        ),
    ],
)
def test_a_clause_opened_by_where_happens_at_the_place_before_it(lang, text, place):
    rows = _table(lang, text, published="2019-01-12")
    welcome = rows[(rows.event_type == "arrival") & rows.actors.map(lambda a: "Conte" in a)]
    assert list(welcome.place) == [place]


def test_a_town_a_verb_of_visiting_takes_is_where_its_clause_happens():
    # "visited Madrid to ... hold talks": the visit and the talks of that clause were in Madrid,
    # not at the venue of the report's own talks
    rows = _table(
        "en",
        "Chancellor Scholz held talks with President Macron in Paris on Thursday. On Wednesday "
        "he visited Madrid to open a trade fair and hold talks with Prime Minister Sanchez.",
        published="2024-01-12",
    )
    talks = rows[rows.event_type == "talks"]
    sanchez = talks[talks.actors.map(lambda a: "Sanchez" in a or "Sánchez" in a)]
    macron = talks[talks.actors.map(lambda a: "Macron" in a)]
    assert (list(sanchez.place), list(macron.place)) == (["Madrid"], ["Paris"])


@pytest.mark.parametrize(
    ("lang", "text", "kind", "place"),
    [
        # a phrase ahead of the clause that tells a stay before it ("after a visit to",
        # "nach seiner Teilnahme am ... in") names where the traveller was, not where the
        # clause's arrival or journey happens
        (
            "en",
            "After his three-day visit to Oslo the chancellor arrived in Finland on Friday.",
            "arrival",
            "Finland",
        ),
        (
            "de",
            "Nach seiner Teilnahme am Nordischen Rat in Norwegen ist der Kanzler am Freitag in "
            "Finnland eingetroffen.",
            "arrival",
            "Finland",
        ),
        (
            "de",
            "Nach dem kurzen Aufenthalt in Estland reist der Kanzler am Samstag weiter nach "
            "Lettland.",
            "visit",
            "Latvia",
        ),
    ],
)
def test_a_stay_before_the_clause_is_not_where_it_happens(lang, text, kind, place):
    rows = _table(lang, text, published="2024-01-10")
    row = rows[rows.event_type == kind].iloc[0]
    assert row.place == place


def test_the_far_end_of_a_journey_is_where_its_traveller_arrives():
    # "from Vienna to Ljubljana": the arrival and the meeting that follows are in Ljubljana; the
    # place of origin is no event's place
    rows = _table(
        "en",
        "President Macron arrived on a night train from Vienna to Ljubljana on Tuesday and "
        "held talks with Prime Minister Golob.",
        published="2024-01-10",
    )
    arrival = rows[rows.event_type == "arrival"]
    talks = rows[rows.event_type == "talks"]
    assert (list(arrival.place), list(talks.place)) == (["Ljubljana"], ["Ljubljana"])


@pytest.mark.parametrize(
    "text",
    [
        "TOKYO (Wire) - Viewers from Lisbon to Jakarta watched the talks between Biden and "
        "Kishida on Tuesday.",
        "TOKYO (Wire) - Biden and Kishida held talks on Tuesday. Viewers from Lisbon to Jakarta "
        "and beyond watched the talks live.",
    ],
)
def test_a_span_of_places_with_no_journey_is_no_place_of_the_event(text):
    # "from Lisbon to Jakarta" tells how far the talks were watched, not where they were held:
    # with no arrival, visit or departure in its sentence, the far end of a span places
    # nothing, and the dateline gives the venue
    rows = _table("en", text, published="2024-01-10")
    assert list(rows[rows.event_type == "talks"].place) == ["Tokyo"]


def test_an_adverb_that_refers_back_places_its_clause_where_the_last_place_named_is():
    # "Dort" names no place of its own: the talks are in Oslo, named in the sentence before,
    # not at the report's venue (Rome)
    rows = _table(
        "de",
        "Bundeskanzler Scholz hat am Montag in Rom Ministerpräsidentin Meloni getroffen. Am "
        "Dienstag fliegt er weiter nach Oslo. Dort trifft er Ministerpräsident Jonas Gahr Støre.",
        published="2024-01-08",
    )
    talks = rows[rows.event_type == "talks"]
    assert dict(zip(talks.actors.map(tuple), talks.place, strict=True)) == {
        ("Scholz", "Meloni"): "Rome",
        ("Scholz", "Støre"): "Oslo",
    }


def test_the_subject_before_a_verb_of_leaving_with_an_object_is_no_place():
    # "verließen" does not close its clause: "Kim" is who left, not the place left
    rows = _table("de", "Trump und Kim verließen das Tagungshotel vorzeitig.")
    departure = rows[rows.event_type == "departure"].iloc[0]
    assert not isinstance(departure.place, str)


@pytest.mark.parametrize(
    ("lang", "text", "speaker", "quote"),
    [
        (
            "de",
            "Biden sagte nach dem Treffen: „Es war ein gutes Gespräch.“",
            "Biden",
            "Es war ein gutes Gespräch.",
        ),
        (
            "de",
            "«Wir haben viel erreicht», sagte Putin auf der Pressekonferenz.",
            "Putin",
            "Wir haben viel erreicht",
        ),
        (
            "en",
            '"It was a good meeting," Biden told reporters at the news conference.',
            "Biden",
            "It was a good meeting",
        ),
        (
            "en",
            "At the news conference Putin said: “We agreed on nothing.”",
            "Putin",
            "We agreed on nothing.",
        ),
    ],
)
def test_quotes_and_speakers(lang, text, speaker, quote):
    table = _table(lang, text)
    quotes = [q for qs in table.quotes for q in qs]
    assert {"speaker": speaker, "text": quote} in [
        {"speaker": q["speaker"], "text": q["text"]} for q in quotes
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "After the talks Putin told reporters: “We agreed on a road map for the grain deal.”",
        ),
        (
            "de",
            "Putin sagte nach dem Treffen vor Journalisten: «Wir haben einen Fahrplan vereinbart.»",
        ),
    ],
)
def test_a_quotation_said_at_a_press_statement_is_its_quote_not_the_meetings(lang, text):
    assert _quoted_by(_table(lang, text), "Putin") == {"press_statement"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Biden and Putin met in Geneva on Wednesday.\n"
            "Later the two leaders held a joint news conference.\n"
            "“You have my word on the grain corridor,” Biden told Putin, according to an aide.",
        ),
        (
            "de",
            "Biden und Putin trafen sich am Mittwoch in Genf.\n"
            "Später gaben beide eine gemeinsame Pressekonferenz.\n"
            "„Sie haben mein Wort beim Getreidekorridor“, sagte Biden zu Putin, hieß es.",
        ),
    ],
)
def test_words_one_principal_says_to_the_other_are_their_meetings_quote(lang, text):
    assert _quoted_by(_table(lang, text), "Biden") == {"talks"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Xi and Trudeau met in Bali on Wednesday.\n"
            "“If it is sincere, we can talk with mutual respect,” Xi said.\n"
            "Trudeau later held a news conference.",
        ),
        (
            "de",
            "Xi und Trudeau trafen sich am Mittwoch auf Bali.\n"
            "„Wenn es aufrichtig zugeht, können wir mit Respekt reden“, sagte Xi.\n"
            "Trudeau bestätigte später einige Details gegenüber Journalisten.",
        ),
    ],
)
def test_a_leaders_words_are_no_press_statement_the_other_gave_alone(lang, text):
    assert _quoted_by(_table(lang, text), "Xi") == {"talks"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Putin welcomed Assad in Moscow on Tuesday.\n"
            "“Welcome to Moscow, my friend,” Putin said at the start of their talks.",
        ),
        (
            "de",
            "Putin empfing Assad am Dienstag in Moskau.\n"
            "«Ich heisse Sie herzlich in Moskau willkommen», sagte Putin laut dem Protokoll "
            "des Treffens.",
        ),
    ],
)
def test_quoted_welcome_words_are_the_arrivals_quote(lang, text):
    assert _quoted_by(_table(lang, text), "Putin") == {"arrival"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Scholz and Sanchez spoke by phone on Monday. Scholz later gave a news conference.\n"
            "“You have my full support. We will stand together,” Scholz told Sanchez, according "
            "to the transcript.",
        ),
        (
            "de",
            "Scholz und Sánchez telefonierten am Montag. Später gab Scholz eine Pressekonferenz.\n"
            "„Sie haben meine volle Unterstützung. Wir stehen zusammen“, sagte Scholz zu Sánchez, "
            "wie aus dem Protokoll hervorgeht.",
        ),
    ],
)
def test_a_quotation_over_sentences_is_said_to_whom_its_closing_sentence_names(lang, text):
    """A quotation that runs over two sentences is told where it closes: "Scholz told Sanchez"
    there makes it words said to the other principal, which belong to their call, not to the
    news conference told nearer."""
    assert _quoted_by(_table(lang, text), "Scholz") == {"phone_call"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Lukashenko's plane landed at Vnukovo airport on Tuesday morning.\n"
            "In the afternoon Putin met Lukashenko at the Kremlin.\n"
            "“Dear friend! Welcome to Moscow. I am glad to see you again,” Putin greeted "
            "Lukashenko.",
        ),
        (
            "de",
            "Lukaschenkos Flugzeug landete am Dienstagmorgen auf dem Flughafen Wnukowo.\n"
            "Am Nachmittag traf Putin Lukaschenko im Kreml.\n"
            "„Lieber Freund! Willkommen in Moskau. Ich freue mich, Sie wiederzusehen“, "
            "begrüßte Putin Lukaschenko.",
        ),
    ],
)
def test_welcome_words_go_to_the_welcome_told_where_the_quotation_closes(lang, text):
    """A quotation of several sentences with welcome words belongs to the arrival told in the
    sentence it closes in (the greeting), not to an arrival told before it."""
    table = _table(lang, text)
    welcomed = [set(row.actors) for row in table.itertuples() if row.quotes]
    assert welcomed == [{"Putin", "Lukashenko"}]


@pytest.mark.parametrize(
    ("lang", "text", "quote"),
    [
        (
            "en",
            "PARIS — “We will not give up on a ceasefire.” Those were the words of the day.\n"
            "Scholz and Macron met in Paris on Tuesday.",
            "We will not give up on a ceasefire.",
        ),
        (
            "de",
            "PARIS — „Wir geben die Waffenruhe nicht auf.“ Das waren die Worte des Tages.\n"
            "Scholz und Macron trafen sich am Dienstag in Paris.",
            "Wir geben die Waffenruhe nicht auf.",
        ),
    ],
)
def test_a_quotation_before_every_event_is_the_quote_of_the_first_told_after_it(lang, text, quote):
    rows = _table(lang, text)
    talks = rows[rows.event_type == "talks"].iloc[0]
    assert [q["text"] for q in talks.quotes] == [quote]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Merkel and Obama held talks at the White House on Friday.\n"
            "Obama will visit the Lincoln Memorial on Monday.\n"
            "“We spoke as old friends,” Obama said.",
        ),
        (
            "de",
            "Merkel und Obama führten am Freitag im Weißen Haus Gespräche.\n"
            "Am Montag wird Obama ein Autowerk in Detroit besuchen.\n"
            "„Wir haben wie alte Freunde gesprochen“, sagte Obama.",
        ),
    ],
)
def test_words_already_said_are_no_quote_of_an_event_still_to_come(lang, text):
    """A quotation no trigger claims goes to the event told last before it that took place,
    not to one announced after it (the visit on Monday)."""
    assert _quoted_by(_table(lang, text), "Obama") == {"talks"}


def test_a_mention_referring_back_gives_its_quotation_to_the_event_it_refers_to():
    """The words "beim Empfang" refer back to the arrival told before: with its sentence, the
    words said there go to that arrival (they were dropped)."""
    text = (
        "Macron war in der Nacht zum Montag in Deutschland angekommen.\n"
        "Macron ergänzte beim Empfang durch Bundespräsident Steinmeier: „Wir stehen zusammen.“\n"
        "Scholz traf Macron am Montag im Kanzleramt."
    )
    assert _quoted_by(_table("de", text), "Macron") == {"arrival"}


def test_invitation_with_reply_keeps_proposal_then_reply():
    text = (
        "Zum Abschied sagte Putin: „Das nächste Mal in Moskau.“\n"
        "Biden lächelte. „Das ist eine interessante Idee“, sagte er."
    )
    row = _table("de", text).query("event_type == 'invitation'").iloc[0]
    assert row.place == "Moscow"
    assert [q["speaker"] for q in row.quotes] == ["Putin", "Biden"]
    assert row.quotes[1]["reply"] is True


def test_one_leaders_arrivals_in_two_countries_on_one_day_are_two_events():
    table = _table(
        "en",
        "Mette Frederiksen arrived in Oslo on Tuesday morning. "
        "Later on Tuesday she arrived in Stockholm.",
    )
    arrivals = table[table.event_type == "arrival"]
    assert sorted(arrivals.place) == ["Oslo", "Stockholm"]


def test_headline_and_body_mentions_are_one_mention():
    text = (
        "Biden und Putin treffen sich in Genf\n\n"
        "Biden und Putin haben sich am Mittwoch in Genf getroffen. "
        "Das Treffen dauerte rund vier Stunden."
    )
    table = _table("de", text)
    talks = table[table.event_type == "talks"]
    assert len(talks) == 1
    assert talks.iloc[0].duration_min == 240
    assert talks.iloc[0].duration_hedge == "rund"
    assert len(talks.iloc[0].evidence) >= 2


@pytest.mark.parametrize(
    ("lang", "text", "status"),
    [
        (
            "en",
            "Merkel arrives in Geneva to meet with Putin\n\n"
            "Merkel and Putin met in Geneva on Wednesday. The talks lasted three hours.",
            "occurred",
        ),
        (
            "de",
            "Merkel reist nach Genf, um Putin zu treffen\n\n"
            "Merkel und Putin haben sich am Mittwoch in Genf getroffen.",
            "occurred",
        ),
        (
            "en",
            "Merkel arrives in Geneva to meet with Putin\n\n"
            "Merkel arrived in Geneva on Wednesday. She will meet Putin on Thursday.",
            "announced",
        ),
    ],
)
def test_a_headline_purpose_takes_the_status_the_body_tells(lang, text, status):
    # a headline's "to meet" / "um ... zu treffen" is the body's meeting, held or to come
    talks = _table(lang, text).query("event_type == 'talks'")
    assert list(talks.status) == [status]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline's infinitive after the people it names ("X to hold talks", "X, Y to meet")
        # is the plan, whatever day it names, where the body tells the meeting no other way
        (
            "Merkel to hold talks with Sánchez in Madrid\n\n"
            "Trade and energy prices top the list of topics.",
            {("talks", "announced")},
        ),
        (
            "Trade summit: Macron, German chancellor Merkel to meet on Friday\n\n"
            "Their last encounter was tense.",
            {("talks", "announced")},
        ),
        # the body's telling of the meeting decides, as for any headline
        (
            "Merkel to hold talks with Sánchez in Madrid\n\n"
            "Merkel and Sánchez met in Madrid on Wednesday.",
            {("talks", "occurred")},
        ),
        # a preposition before a noun is no infinitive, and a verb before the people makes the
        # infinitive theirs to be urged to, not the headline's plan
        (
            "Merkel returns to talks with Sánchez\n\nTrade and energy prices top the list.",
            {("talks", "occurred")},
        ),
        (
            "Macron urges Merkel to meet Sánchez\n\nTrade and energy prices top the list.",
            {("talks", "occurred")},
        ),
    ],
)
def test_a_headline_infinitive_is_a_plan(text, expected):
    assert _events("en", text) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Biden and Putin held talks in Geneva on Wednesday. After the long meeting, "
            "Blinken briefed his staff.",
        ),
        (
            "de",
            "Biden und Putin haben am Mittwoch in Genf miteinander telefoniert. Unmittelbar "
            "nach dem Gespräch wies Biden seine Berater an, eine Reise vorzubereiten.",
        ),
    ],
)
def test_a_noun_that_refers_back_is_no_event_of_its_own(lang, text):
    # "after the meeting": the event told before, not another one; its sentence is evidence
    table = _table(lang, text)
    assert len(table) == 1, list(zip(table.event_type, table.sentence, strict=True))
    assert len(table.iloc[0].evidence) == 2


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Biden and Putin held talks in Geneva on Wednesday. The meeting was also attended "
            "by Foreign Minister Sergei Lavrov and Secretary of State Antony Blinken.",
        ),
        (
            "de",
            "Biden und Putin haben am Mittwoch in Genf Gespräche geführt. Am Treffen nahmen "
            "auch Außenminister Sergej Lawrow und Außenminister Antony Blinken teil.",
        ),
    ],
)
def test_a_noun_others_also_attended_is_the_event_told_before(lang, text):
    # "The meeting was also attended by ...": who else took part in the talks told before
    table = _table(lang, text)
    talks = table[table.event_type == "talks"]
    assert len(talks) == 1, list(zip(talks.actors, talks.sentence, strict=True))
    assert len(talks.iloc[0].evidence) == 2


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Macron and Sanchez held talks in Madrid on Friday. The meeting came amid a row "
            "between Foreign Minister Jose Manuel Albares and Foreign Minister Jean-Noel Barrot.",
        ),
        (
            "en",
            "Macron and Sanchez held talks in Madrid on Friday. The meeting was attended by "
            "Foreign Minister Jose Manuel Albares.",
        ),
        (
            "de",
            "Macron und Sánchez haben am Freitag in Madrid Gespräche geführt. Bei den Gesprächen "
            "ging es vor allem um die Fischereiquoten.",
        ),
        (
            "de",
            "Macron und Sánchez haben am Freitag in Madrid Gespräche geführt. Das Treffen fiel "
            "mit einem Streit zwischen Außenminister José Manuel Albares und Außenminister "
            "Jean-Noël Barrot zusammen.",
        ),
    ],
)
def test_a_noun_a_sentence_frames_is_the_event_told_before(lang, text):
    # "The meeting came amid ...", "Bei den Gesprächen ging es um ...": a sentence about the
    # talks told before, not a second meeting
    table = _table(lang, text)
    talks = table[table.event_type == "talks"]
    assert len(talks) == 1, list(zip(talks.status, talks.sentence, strict=True))
    assert len(talks.iloc[0].evidence) == 2


def test_a_recalled_meeting_after_which_is_still_an_event():
    # the same words before a meeting the report has not told, or one with its own time
    text = (
        "Biden and Xi met in Woodside on Wednesday. It was their first talks since "
        "after their meeting in Bali in November 2022 relations had cooled."
    )
    table = _table("en", text)
    assert len(table[table.event_type == "talks"]) == 2
    alone = _table("en", "After the meeting, Blinken briefed his staff about Biden and Putin.")
    assert len(alone[alone.event_type == "talks"]) == 1


def test_a_mention_that_drops_the_hedge_does_not_drop_it_from_the_event():
    # the lead rounds ("fünfstündig"), the body hedges ("gut fünf Stunden"): the event keeps both
    text = (
        "Biden und Putin trafen sich am Mittwoch in Genf zu einem fünfstündigen Gespräch. "
        "Das Gespräch dauerte gut fünf Stunden."
    )
    talks = _table("de", text)
    talks = talks[talks.event_type == "talks"]
    assert len(talks) == 1
    assert (talks.iloc[0].duration_min, talks.iloc[0].duration_hedge) == (300, "gut")


@pytest.mark.parametrize(
    ("lang", "text", "hedge"),
    [
        # a headline's round length, then the body's hedged one in a sentence without a trigger
        (
            "de",
            "Drei Stunden Gespräch in Genf\n\nGut drei Stunden saßen Biden und Putin am Mittwoch "
            "beisammen, ohne Berater.",
            "gut",
        ),
        # 'practically' hedges a length as 'nearly' does
        ("de", "Die Gespräche von Scholz und Macron dauerten praktisch drei Stunden.", "praktisch"),
        ("en", "Scholz and Macron's talks lasted practically three hours.", "practically"),
    ],
)
def test_a_length_told_again_with_a_hedge_keeps_the_hedge(lang, text, hedge):
    talks = _table(lang, text)
    talks = talks[talks.event_type == "talks"]
    assert len(talks) == 1
    assert (talks.iloc[0].duration_min, talks.iloc[0].duration_hedge) == (180, hedge)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "Biden und Putin trafen sich am Mittwoch in Genf. "
            "Das Gespräch sollte nach Angaben des Weißen Hauses 35 Minuten dauern.",
        ),
        (
            "en",
            "Biden and Putin met in Geneva on Wednesday. "
            "The meeting was scheduled to last 35 minutes, the White House said.",
        ),
    ],
)
def test_a_length_planned_for_held_talks_is_their_plan(lang: str, text: str) -> None:
    # the plan of the talks the report tells held, not talks still to come
    table = _table(lang, text)
    talks = table[table.event_type == "talks"]
    assert list(talks.status) == ["occurred"]
    assert talks.iloc[0].planned_duration_min == 35


def test_the_venue_is_the_city_the_report_names_inside_the_region():
    # the talks "in Alaska", the arrival "in Anchorage": the summit's venue is Anchorage, and
    # an event at the venue that names no place of its own takes it
    text = (
        "Trump und Putin haben sich in Alaska getroffen. Trump landete am Vormittag in "
        "Anchorage. Die Pressekonferenz dauerte zwölf Minuten."
    )
    table = _table("de", text, "2025-08-16 06:56")
    press = table[table.event_type == "press_statement"].iloc[0]
    assert (press.place, press.timezone) == ("Anchorage", "America/Anchorage")


def test_a_relative_clause_about_another_noun_gives_the_event_no_date():
    # "which goes into effect July 9" dates the ceasefire, not the meeting
    text = (
        "In their meeting, the two presidents discussed a ceasefire in southwest Syria, "
        "which goes into effect July 9."
    )
    talks = _table("en", text, "2017-07-07 20:00")
    talks = talks[talks.event_type == "talks"].iloc[0]
    assert talks.date_source != "stated"
    assert talks.date != dt.date(2017, 7, 9)


def test_a_recalled_summit_is_not_the_venue():
    # "last year, at a summit in Helsinki": not where today's talks are
    text = (
        "Trump and Putin held talks on Friday. Last year, at a summit in Helsinki, Trump "
        "appeared to side with Putin."
    )
    talks = _table("en", text, "2019-06-28 12:00")
    talks = talks[talks.event_type == "talks"]
    assert "Helsinki" not in set(talks.place.dropna())


def test_what_took_place_in_another_month_is_not_the_venue():
    # a report of October: the meeting "Mitte August" in Alaska is recalled, the reception
    # tomorrow is at the White House
    text = (
        "Trump empfängt Selenskyj morgen im Weißen Haus. Der US-Präsident und Putin hatten sich "
        "Mitte August im US-Bundesstaat Alaska getroffen."
    )
    rows = _table("de", text, "2025-10-16 12:00")
    arrival = rows[rows.event_type == "arrival"]
    assert set(arrival.place) == {"Washington"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Macri has arrived in the United States for a four-day state visit. Macri was met "
            "by Pence at Andrews air force base in Maryland. The visit is the first to "
            "Washington for Macri, who has governed since 2015. Macri and Trump will hold a "
            "press conference on Thursday.",
        ),
        (
            "de",
            "Macri ist zu einem viertägigen Staatsbesuch in den USA eingetroffen. Auf dem "
            "Stützpunkt Andrews in Maryland wurde Macri von Pence empfangen. Sein erstes "
            "Reiseziel ist das Weiße Haus in Washington. Macri und Trump wollen am Donnerstag "
            "eine gemeinsame Pressekonferenz geben.",
        ),
    ],
)
def test_an_arrivals_state_does_not_outrank_the_town_the_trip_is_to(lang: str, text: str):
    # landed at an air base in Maryland, the visit is to Washington: the venue is Washington
    rows = _table(lang, text, "2018-04-25 20:00")
    press = rows[rows.event_type == "press_statement"]
    assert set(press.place) == {"Washington"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "Biden und Xi trafen sich am Mittwoch in Woodside. Es war das erste persönliche "
            "Treffen der beiden seit dem G20-Gipfel in Bali im November 2022.",
        ),
        (
            "en",
            "Biden and Xi met in Woodside on Wednesday. It was their first meeting since the G20 "
            "summit in Bali in November 2022.",
        ),
    ],
)
def test_what_an_event_is_the_first_since_does_not_date_or_place_it(lang, text):
    table = _table(lang, text, "2023-11-16 08:00")
    talks = table[table.event_type == "talks"]
    assert "Bali" not in set(talks.place.dropna())
    assert set(talks.date.dropna()) == {dt.date(2023, 11, 15)}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "Xi und Lula unterzeichneten am Freitag 15 Abkommen, darunter eines über ein "
            "Stahlwerk in Angola.",
        ),
        (
            "en",
            "Xi and Lula signed 15 agreements on Friday, including one on a steel plant in Angola.",
        ),
    ],
)
def test_what_an_example_names_does_not_place_the_event(lang, text):
    talks = _table(lang, text, "2023-04-14 18:00")
    talks = talks[talks.event_type == "talks"]
    assert len(talks) == 1
    assert "Angola" not in set(talks.place.dropna())


def test_an_example_that_names_the_event_dates_it():
    text = (
        "Guterres will meet several leaders at the summit in Kazan, including a meeting with "
        "Putin on Thursday."
    )
    talks = _table("en", text, "2024-10-23 08:00")
    talks = talks[talks.event_type == "talks"]
    assert dt.date(2024, 10, 24) in set(talks.date.dropna())


@pytest.mark.parametrize(
    ("lang", "text", "pairs"),
    [
        (
            "de",
            "Xi Jinping empfing Lula am Freitag. Xi traf in Peking auch den ungarischen "
            "Ministerpräsidenten Viktor Orbán und den südafrikanischen Präsidenten Cyril "
            "Ramaphosa.",
            {("Orbán", "Xi"), ("Ramaphosa", "Xi")},
        ),
        (
            "en",
            "Xi Jinping received Lula on Friday. On the sidelines, Xi met Prime Minister "
            "Viktor Orbán of Hungary, President Cyril Ramaphosa of South Africa and Prime "
            "Minister Anthony Albanese of Australia.",
            {("Orbán", "Xi"), ("Ramaphosa", "Xi"), ("Albanese", "Xi")},
        ),
        # a name no gazetteer knows, known by its title, is one of the list
        (
            "en",
            "Xi Jinping received Lula on Friday. On the sidelines, Xi met President Cyril "
            "Ramaphosa of South Africa, Mongolian President Batbayar Dorjsuren and Prime "
            "Minister Anthony Albanese of Australia.",
            {("Ramaphosa", "Xi"), ("Dorjsuren", "Xi"), ("Albanese", "Xi")},
        ),
        (
            "de",
            "Xi Jinping empfing Lula am Freitag. Am Rande traf Xi auch den südafrikanischen "
            "Präsidenten Cyril Ramaphosa, den mongolischen Präsidenten Batbayar Dorjsuren und "
            "den australischen Premierminister Anthony Albanese.",
            {("Ramaphosa", "Xi"), ("Dorjsuren", "Xi"), ("Albanese", "Xi")},
        ),
    ],
)
def test_one_persons_meetings_with_several_listed_are_separate(lang, text, pairs):
    talks = _table(lang, text, "2023-04-14 18:00")
    talks = talks[talks.event_type == "talks"]
    assert {tuple(sorted(a)) for a in talks.actors} >= pairs


@pytest.mark.parametrize(
    ("lang", "text", "pairs"),
    [
        # the one who meets named by an office; "as well" tells the list separate as "also" does
        (
            "en",
            "Xi Jinping received Lula on Friday. The Chinese president met with Cyril Ramaphosa "
            "of South Africa, Anthony Albanese of Australia and Viktor Orbán of Hungary on "
            "Saturday as well.",
            {("Ramaphosa", "Xi"), ("Albanese", "Xi"), ("Orbán", "Xi")},
        ),
        (
            "de",
            "Xi Jinping empfing Lula am Freitag. Der chinesische Präsident traf auch den "
            "südafrikanischen Präsidenten Cyril Ramaphosa, den australischen Premierminister "
            "Anthony Albanese und den ungarischen Ministerpräsidenten Viktor Orbán.",
            {("Ramaphosa", "Xi"), ("Albanese", "Xi"), ("Orbán", "Xi")},
        ),
    ],
)
def test_one_named_by_office_meets_each_of_several_listed(lang, text, pairs):
    talks = _table(lang, text, "2023-04-14 18:00")
    talks = talks[talks.event_type == "talks"]
    assert {tuple(sorted(a)) for a in talks.actors} >= pairs
    assert not any(len(a) > 2 for a in talks.actors)


@pytest.mark.parametrize(
    ("lang", "text", "pairs"),
    [
        # the leaders of the countries listed: each country's leader on the report's day
        (
            "en",
            "Xi Jinping received Lula on Friday. Xi was also to hold separate meetings with the "
            "leaders of Hungary, South Africa and Australia.",
            {("Orbán", "Xi"), ("Ramaphosa", "Xi"), ("Albanese", "Xi")},
        ),
        # the word for the leaders past the clause of the meeting word ("while")
        (
            "en",
            "Xi Jinping received Lula on Friday. The Chinese president will hold bilateral "
            "meetings while in Beijing with leaders from Hungary, South Africa, and Australia.",
            {("Orbán", "Xi"), ("Ramaphosa", "Xi"), ("Albanese", "Xi")},
        ),
        # countries in the genitive
        (
            "de",
            "Xi Jinping empfing Lula am Freitag. Am Rande will sich Xi mit den "
            "Spitzenpolitikern Ungarns und Australiens treffen.",
            {("Orbán", "Xi"), ("Albanese", "Xi")},
        ),
        # the list after the trigger's own words and a word of `examples`
        (
            "de",
            "Xi Jinping empfing Lula am Freitag. Xi kam in Peking mit weiteren Staats- und "
            "Regierungschefs zusammen, unter anderem Ungarns und Südafrikas.",
            {("Orbán", "Xi"), ("Ramaphosa", "Xi")},
        ),
    ],
)
def test_one_meets_the_leaders_of_countries_listed_each(lang, text, pairs):
    talks = _table(lang, text, "2023-04-14 18:00")
    talks = talks[talks.event_type == "talks"]
    assert {tuple(sorted(a)) for a in talks.actors} >= pairs


@pytest.mark.parametrize(
    "text",
    [
        # no word telling the meetings separate: as found
        "Xi Jinping received Lula on Friday. Xi met the leaders of Hungary and Australia.",
        # one meeting of all of them
        "Xi Jinping received Lula on Friday. Xi also held three-way talks with the leaders of "
        "Hungary and Australia.",
        # the countries not listed right after the word for the leaders
        "Xi Jinping received Lula on Friday. Xi also met several leaders on a visit to Hungary "
        "and Australia.",
        # the sentence names someone else met: that meeting is told as found
        "Xi Jinping received Lula on Friday. Xi met Modi and held separate meetings with the "
        "leaders of Hungary and Australia.",
    ],
)
def test_leaders_of_countries_not_told_apart_stay_one_meeting(text):
    talks = _table("en", text, "2023-04-14 18:00")
    talks = talks[talks.event_type == "talks"]
    assert not {tuple(sorted(a)) for a in talks.actors} & {("Orbán", "Xi"), ("Albanese", "Xi")}


def test_leaders_of_countries_listed_with_a_principal_are_not_read():
    # a leader listed is a principal of the report: its own meeting, told by its other sentences
    text = (
        "Xi Jinping received Lula on Friday. Xi and Lula signed deals. Xi also held separate "
        "meetings with the leaders of Brazil and Australia."
    )
    talks = _table("en", text, "2023-04-14 18:00")
    talks = talks[talks.event_type == "talks"]
    assert ("Albanese", "Xi") not in {tuple(sorted(a)) for a in talks.actors}


@pytest.mark.parametrize(
    ("lang", "text", "pairs"),
    [
        # the one after "mit/with" behind the meeting word meets each of those listed before it
        (
            "de",
            "Xi Jinping empfing Lula am Freitag. Neben Lula wollen auch der ungarische "
            "Ministerpräsident Viktor Orbán und der südafrikanische Präsident Cyril Ramaphosa "
            "bilaterale Gespräche mit Xi führen.",
            {("Orbán", "Xi"), ("Ramaphosa", "Xi")},
        ),
        (
            "en",
            "Xi Jinping received Lula on Friday. Besides Lula, Hungarian Prime Minister Viktor "
            "Orbán and South African President Cyril Ramaphosa also want bilateral talks with Xi.",
            {("Orbán", "Xi"), ("Ramaphosa", "Xi")},
        ),
        # the list begins with a name no gazetteer knows, known by no title
        (
            "en",
            "Xi Jinping received Lula on Friday. On the sidelines, Xi held meetings with his "
            "Kyrgyz counterpart Sadyr Japarov, President Cyril Ramaphosa of South Africa and "
            "Prime Minister Anthony Albanese of Australia.",
            {("Ramaphosa", "Xi"), ("Albanese", "Xi")},
        ),
        # the one who meets told by a pronoun, the list closed by "among others"
        (
            "en",
            "Xi Jinping received Lula on Friday. He met with Cyril Ramaphosa of South Africa, "
            "Anthony Albanese of Australia and Viktor Orbán of Hungary, among others.",
            {("Ramaphosa", "Xi"), ("Albanese", "Xi"), ("Orbán", "Xi")},
        ),
    ],
)
def test_one_meets_each_of_several_listed_around_the_meeting_word(lang, text, pairs):
    talks = _table(lang, text, "2023-04-14 18:00")
    talks = talks[talks.event_type == "talks"]
    got = {tuple(sorted(a)) for a in talks.actors}
    assert got >= pairs
    assert not any(len(a) > 2 and "Lula" not in a for a in talks.actors)


@pytest.mark.parametrize(
    ("lang", "text", "pairs"),
    [
        # "with/mit" said again before each one met (or each group): a meeting with each
        (
            "en",
            "Xi Jinping arrived in Paris on Friday. The Chinese leader is to hold talks with "
            "Prime Minister Anthony Albanese, with President Cyril Ramaphosa and Viktor Orbán.",
            {("Albanese", "Xi"), ("Ramaphosa", "Xi"), ("Orbán", "Xi")},
        ),
        (
            "de",
            "Xi Jinping traf am Freitag in Paris ein. Xi will am Samstag sowohl mit Anthony "
            "Albanese als auch mit dem südafrikanischen Präsidenten Cyril Ramaphosa sprechen.",
            {("Albanese", "Xi"), ("Ramaphosa", "Xi")},
        ),
        # "in separaten Treffen mit": those listed before meet the one after "mit" one by one
        (
            "de",
            "Xi Jinping traf am Freitag in Paris ein. Albanese und Ramaphosa hatten schon in "
            "separaten Treffen mit Xi gesprochen.",
            {("Albanese", "Xi"), ("Ramaphosa", "Xi")},
        ),
        # "with/mit" said again past the clause's comma, the one who meets a pronoun
        (
            "en",
            "Xi Jinping arrived in Paris on Friday. On Saturday, he will hold talks with Prime "
            "Minister Anthony Albanese, and later with President Cyril Ramaphosa.",
            {("Albanese", "Xi"), ("Ramaphosa", "Xi")},
        ),
        (
            "de",
            "Xi Jinping traf am Freitag in Paris ein. Am Samstag will er mit Anthony Albanese "
            "sprechen, danach mit dem südafrikanischen Präsidenten Cyril Ramaphosa.",
            {("Albanese", "Xi"), ("Ramaphosa", "Xi")},
        ),
    ],
)
def test_a_word_before_each_one_met_tells_separate_meetings(lang, text, pairs):
    talks = _table(lang, text, "2023-04-14 18:00")
    talks = talks[talks.event_type == "talks"]
    assert {tuple(sorted(a)) for a in talks.actors} >= pairs
    assert not any(len(a) > 2 for a in talks.actors)


@pytest.mark.parametrize(
    "text",
    [
        # someone else named after the comma, or a relative clause: another's meeting
        "Xi Jinping arrived in Paris on Friday. He held talks with Anthony Albanese, while "
        "Olaf Scholz met with Cyril Ramaphosa.",
        "Xi Jinping arrived in Paris on Friday. He held talks with Anthony Albanese, who had "
        "met with Cyril Ramaphosa.",
    ],
)
def test_a_with_after_the_comma_of_someone_else_is_not_the_first_ones_meeting(text):
    talks = _table("en", text, "2023-04-14 18:00")
    talks = talks[talks.event_type == "talks"]
    assert ("Ramaphosa", "Xi") not in {tuple(sorted(a)) for a in talks.actors}


def test_one_with_before_all_those_met_is_one_meeting():
    text = (
        "Xi Jinping arrived in Paris on Friday. Xi will hold talks with Anthony Albanese and "
        "Cyril Ramaphosa on Saturday."
    )
    talks = _table("en", text, "2023-04-14 18:00")
    talks = talks[talks.event_type == "talks"]
    assert {"Xi", "Albanese", "Ramaphosa"} in [set(a) for a in talks.actors]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Xi Jinping arrived in Paris on Friday. Xi will also meet President Emmanuel Macron "
            "and Chancellor Olaf Scholz for three-way talks.",
        ),
        (
            "de",
            "Xi Jinping traf am Freitag in Paris ein. Xi trifft auch Präsident Emmanuel Macron "
            "und Bundeskanzler Olaf Scholz zu einem Dreiergespräch.",
        ),
    ],
)
def test_a_meeting_of_all_those_named_is_not_split(lang, text):
    talks = _table(lang, text, "2023-04-14 18:00")
    talks = talks[talks.event_type == "talks"]
    assert {"Xi", "Macron", "Scholz"} in [set(a) for a in talks.actors]


def test_a_list_that_begins_with_who_meets_is_one_meeting():
    text = "Biden, Kishida and Yoon also met at Camp David on Friday."
    talks = _table("en", text, "2023-08-18 20:00")
    talks = talks[talks.event_type == "talks"]
    assert [set(a) for a in talks.actors] == [{"Biden", "Kishida", "Yoon"}]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "French President Emmanuel Macron met Chancellor Olaf Scholz in Berlin on Monday. "
            "Macron and Scholz discussed the budget, Scholz said. Macron will meet with Polish "
            "Prime Minister Donald Tusk on Tuesday. Macron is also due to meet with Dutch Prime "
            "Minister Mark Rutte on Tuesday.",
        ),
        (
            "de",
            "Frankreichs Präsident Emmanuel Macron hat sich am Montag in Berlin mit Bundeskanzler "
            "Olaf Scholz getroffen. Macron und Scholz sprachen über den Haushalt, sagte Scholz. "
            "Macron wird sich am Dienstag mit dem polnischen Ministerpräsidenten Donald Tusk "
            "treffen. Am Dienstag will sich Macron zudem mit dem niederländischen Regierungschef "
            "Mark Rutte treffen.",
        ),
    ],
)
def test_a_principals_meetings_told_with_others_in_two_sentences_are_two(lang, text):
    """Each sentence tells its meeting with another after "with": two meetings that day, not one
    of three."""
    talks = _table(lang, text, "2023-06-05 18:00")
    talks = talks[talks.event_type == "talks"]
    assert {tuple(sorted(a)) for a in talks.actors} == {
        ("Macron", "Scholz"),
        ("Macron", "Tusk"),
        ("Macron", "Rutte"),
    }


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "Biden trifft am Freitag Scholz in Berlin. Biden plant zudem ein gemeinsames Treffen "
            "mit Vertretern aus Frankreich und Italien.",
        ),
        (
            "en",
            "Biden will meet Scholz in Berlin on Friday. Biden also plans a joint meeting with "
            "representatives from France and Italy.",
        ),
    ],
)
def test_a_joint_meeting_with_a_side_after_it_is_not_the_principals(lang, text):
    talks = _table(lang, text, "2024-10-17 20:00")
    talks = talks[(talks.event_type == "talks") & talks.sentence.str.contains("Italy|Italien")]
    assert [list(a) for a in talks.actors] == [["Biden"]]


@pytest.mark.parametrize(
    ("lang", "text", "actors"),
    [
        ("de", "Am Freitag traf sich Meloni mit Trumps Vize JD Vance in Rom.", {"Meloni", "Vance"}),
        ("en", "On Friday Meloni met Trump's deputy JD Vance in Rome.", {"Meloni", "Vance"}),
        # a trigger between: the one named in the genitive is a party
        ("en", "Trump's meeting with Putin lasted three hours.", {"Trump", "Putin"}),
    ],
)
def test_whose_deputy_a_person_is_takes_no_part(lang, text, actors):
    talks = _table(lang, text, "2025-04-18 20:00")
    talks = talks[talks.event_type == "talks"]
    assert [set(a) for a in talks.actors] == [actors]


def test_a_group_that_names_the_meeting_is_no_party_to_it():
    text = "Trump ist beim G20-Treffen in Osaka am Freitag mit Putin zusammengetroffen."
    talks = _table("de", text, "2019-06-28 12:00")
    talks = talks[talks.event_type == "talks"].iloc[0]
    assert set(talks.actors) == {"Trump", "Putin"}


def test_a_title_in_an_undated_report_is_the_holder_it_names():
    # no publication date: "the German chancellor" is Merkel, whom the report names, not the
    # chancellor of today
    text = (
        "Angela Merkel landed in Sochi on Tuesday. The German chancellor then held talks with "
        "Vladimir Putin for three hours."
    )
    report = parse_report(text, report_id="case", language="en", outlet="Test")
    table = st.extract_events([report])
    talks = table[table.event_type == "talks"].iloc[0]
    assert set(talks.actors) == {"Merkel", "Putin"}


def test_a_surname_that_is_a_common_word_is_no_person_alone():
    # "Herzog" is Isaac Herzog only when his name is printed (spellings.yaml, not_alone)
    table = _table("de", "Der Herzog von Sussex traf am Montag in Berlin ein.")
    assert "Herzog" not in {a for actors in table.actors for a in actors}
    table = _table("de", "Israels Präsident Isaac Herzog traf am Montag in Berlin ein.")
    assert "Herzog" in {a for actors in table.actors for a in actors}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "Merz traf Trump am Donnerstag zu einem Gespräch. "
            "Trump hat eine Einladung zu einem Staatsbesuch in Deutschland angenommen.",
        ),
        (
            "en",
            "Merz met Trump on Thursday for talks. "
            "Trump accepted an invitation to a state visit in Germany.",
        ),
    ],
)
def test_an_invitations_place_is_not_the_venue(lang, text):
    rows = _table(lang, text)
    invitation = rows[rows.event_type == "invitation"].iloc[0]
    talks = rows[rows.event_type == "talks"].iloc[0]
    assert invitation.place == "Germany"
    assert talks.place != "Germany"


def test_an_invitation_proposes_the_place_a_verb_of_visiting_takes():
    """The place an invitation proposes may follow a verb of visiting with no preposition
    ("invited Lopez to visit Portugal"); it is no place of the talks."""
    text = "Garcia met Lopez on Monday in Lima. Garcia invited Lopez to visit Portugal next year."
    rows = _table("en", text, "2024-03-05 08:00")
    invitation = rows[rows.event_type == "invitation"].iloc[0]
    talks = rows[rows.event_type == "talks"].iloc[0]
    assert invitation.place == "Portugal"
    assert talks.place == "Lima"


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        (
            "en",
            "After her stay in Norway, Garcia will travel to Portugal at the invitation of Lopez.",
            "Portugal",
        ),
        (
            "de",
            "Wie ein Sprecher in Wien sagte, nahm Garcia die Einladung von Lopez zu einem "
            "Gipfel in Lissabon an.",
            "Lisbon",
        ),
    ],
)
def test_an_invitation_proposes_no_place_of_a_stay_before_nor_of_saying(lang, text, place):
    """An invitation proposes the last place its sentence names, but not where someone stayed
    before the trip, nor where a spokesman said what the sentence reports."""
    rows = _table(lang, text, "2024-03-05 08:00")
    invitation = rows[rows.event_type == "invitation"].iloc[0]
    assert invitation.place == place


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Garcia met Lopez on Monday in Lima. Garcia had invited Lopez to mark the anniversary.",
        ),
        (
            "de",
            "Garcia traf Lopez am Montag in Lima. Garcia hatte Lopez zum Jahrestag eingeladen.",
        ),
    ],
)
def test_an_invitation_that_brought_the_summit_about_proposed_its_venue(lang, text):
    """An offer told as made before ("had invited") that names no place proposed the place the
    meeting it brought about is at."""
    rows = _table(lang, text, "2024-03-05 08:00")
    invitation = rows[rows.event_type == "invitation"].iloc[0]
    assert invitation.place == "Lima"


@pytest.mark.parametrize(
    "text",
    [
        "Garcia met Lopez in Lima on Wednesday. Garcia invited Lopez to Thursday's parade.",
        "Garcia met Lopez in Lima on Wednesday. Lopez accepted an invitation for Thursday’s meal.",
    ],
)
def test_an_invitation_to_an_occasion_named_by_its_day_proposed_the_venue(text):
    """An invitation to an occasion its own clause names by its day ("to Thursday's parade") is
    to the summit's own occasion: it proposes the place the summit is at."""
    rows = _table("en", text, "2024-03-07 08:00")
    invitation = rows[rows.event_type == "invitation"].iloc[0]
    assert invitation.place == "Lima"


def test_a_group_beside_a_leader_is_no_other_counterpart():
    """EU leaders beside Orbán do not make the talks another meeting than Orbán's with Putin;
    a breakfast with another leader is another meeting."""
    same = _table(
        "en",
        "Viktor Orbán met EU leaders in talks on Monday. "
        "Putin and Orbán met for three hours on Monday.",
    )
    assert len(same[same.event_type == "talks"]) == 1
    other = _table(
        "en", "Trump met Putin in Helsinki on Monday. Trump had breakfast with Niinistö on Monday."
    )
    assert len(other[other.event_type == "talks"]) == 2


def test_tea_together_is_a_meeting_apart_from_the_dinner():
    """Tea taken together is talks (a meal of its own kind), not the same meeting as that day's
    dinner."""
    rows = _table(
        "en",
        "Scholz and Macron had tea in the garden of the palace on Tuesday afternoon. "
        "Scholz and Macron had dinner on Tuesday.",
    )
    talks = rows[rows.event_type == "talks"]
    assert len(talks) == 2
    assert any("tea" in ev[0]["sentence"] for ev in talks.evidence)


def test_a_meeting_announced_elsewhere_keeps_its_place():
    """A report filed in Washington about a call: the meeting it announces is in Lisbon."""
    rows = _table("en", "WASHINGTON (Wire) - Biden said he would meet Costa in Lisbon next month.")
    talks = rows[rows.event_type == "talks"].iloc[0]
    assert (talks.status, talks.place) == ("announced", "Lisbon")


@pytest.mark.parametrize(
    ("lang", "text", "places"),
    [
        (
            "en",
            "Trump met Kim in Singapore in June 2018 and in Hanoi in February 2019.",
            {"Singapore", "Hanoi"},
        ),
        (
            "en",
            "Erdogan met Putin in Tehran in July, in Sochi in August "
            "and in Samarkand in September.",
            {"Tehran", "Sochi", "Samarkand"},
        ),
        (
            "de",
            "Die beiden hatten sich zuletzt im April in Lissabon "
            "und im Juni in Den Haag getroffen.",
            {"Lisbon", "The Hague"},
        ),
        # one meeting, then a journey: no second meeting
        ("en", "Biden and Putin met in Geneva on Wednesday and then flew to Moscow.", {"Geneva"}),
    ],
)
def test_meetings_at_several_places_and_times_in_one_clause(lang, text, places):
    rows = _table(lang, text, "2025-10-13 10:00")
    talks = rows[rows.event_type == "talks"]
    assert set(talks.place) == places
    assert talks.event_id.nunique() == len(places)


def test_two_places_at_one_time_stay_one_meeting_as_found():
    rows = _table("en", "Trump met Kim in Singapore and in Hanoi in 2019.", "2025-10-13 10:00")
    assert len(rows[rows.event_type == "talks"]) == 1


def test_the_conversation_of_a_report_about_a_call_is_the_call():
    """No meeting took place: "das Gespräch" is the call, and its length the call's."""
    rows = _table(
        "de", "Biden und Putin telefonierten am Dienstag. Das Gespräch dauerte rund zwei Stunden."
    )
    assert list(rows.event_type) == ["phone_call"]
    assert rows.iloc[0].duration_min == 120.0
    # a report of a meeting keeps its talks, and the call before them
    rows = _table(
        "de",
        "Biden traf Putin am Dienstag in Genf. Das Gespräch dauerte zwei Stunden. "
        "Zuvor hatten sie telefoniert.",
    )
    assert sorted(rows.event_type) == ["phone_call", "talks"]
    assert rows[rows.event_type == "talks"].iloc[0].duration_min == 120.0


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # a group beside two people is the setting, not a party
        ("Trump met Zelensky on the sidelines of the UN General Assembly.", {"Trump", "Zelensky"}),
        ("Orbán, whose country holds the EU presidency, met Putin on Friday.", {"Orbán", "Putin"}),
        # a group met by one person is the counterpart
        ("Trump met NATO leaders in The Hague.", {"Trump", "NATO"}),
    ],
)
def test_a_group_is_an_actor_only_as_a_counterpart(text, actors):
    rows = _table("en", text)
    assert set(rows[rows.event_type == "talks"].iloc[0].actors) == actors


@pytest.mark.parametrize(
    ("lang", "text", "actors"),
    [
        # the leaders of other countries are a group the one named meets, not the principals
        (
            "en",
            "Lula will meet Scholz in Berlin on Friday. On Thursday, Lula had lunch with "
            "the leaders of six countries, among them Chile and Peru.",
            {"Lula"},
        ),
        (
            "de",
            "Lula trifft Scholz am Freitag in Berlin. Am Donnerstag traf Lula "
            "die Präsidenten von Chile und Peru.",
            {"Lula"},
        ),
        # the leaders of the principals' own countries are the principals
        (
            "en",
            "Lula will meet Scholz in Berlin on Friday. On Thursday, Lula had lunch with "
            "the leaders of the two countries' business councils.",
            {"Lula", "Scholz"},
        ),
        (
            "en",
            "Lula will meet Scholz in Berlin on Friday. On Thursday, the leaders "
            "of Brazil and Germany had talks by video.",
            {"Lula", "Scholz"},
        ),
    ],
)
def test_the_leaders_of_other_countries_are_no_principals(lang, text, actors):
    """A word for both with the countries whose leaders they are after it ("the leaders of six
    countries", "die Präsidenten von Chile und Peru") names the report's principals only where
    the countries are theirs."""
    rows = _table(lang, text, "2024-03-08 08:00")
    thursday = rows[rows.date.astype(str) == "2024-03-07"]
    assert len(thursday) == 1
    assert set(thursday.iloc[0].actors) == actors


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Narendra Modi arrived in Apulia on Thursday night to attend the G7 summit."),
        ("de", "Narendra Modi ist am Donnerstagabend zum G7-Gipfel in Apulien eingetroffen."),
    ],
)
def test_a_group_is_where_a_person_goes_not_who_arrives(lang, text):
    rows = _table(lang, text)
    assert list(rows[rows.event_type == "arrival"].actors) == [["Modi"]]


@pytest.mark.parametrize(
    ("published", "start"),
    [
        # the next 6:30 p.m. at the place after publication
        ("2021-06-16 17:48+02:00", "2021-06-16 18:30"),
        ("2021-06-16 19:00+02:00", "2021-06-17 18:30"),
    ],
)
def test_an_announced_clock_time_is_the_next_after_publication(published, start):
    rows = _table(
        "en", "GENEVA (Wire) - Biden is scheduled to leave Geneva at 6:30 p.m.", published
    )
    row = rows[rows.event_type == "departure"].iloc[0]
    assert row.status == "announced"
    assert row.start.strftime("%Y-%m-%d %H:%M") == start


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        # the dateline is where the report was filed: the venue only if nothing took place
        # elsewhere
        (
            "de",
            "BERLIN (Agentur) - Biden und Xi trafen sich am Montag in Peking. "
            "Die Gespräche dauerten drei Stunden.",
            "Beijing",
        ),
        ("en", "GENEVA (Wire) - The talks between Biden and Putin began on Wednesday.", "Geneva"),
        (
            "en",
            "Washington (Wire) - Biden and Costa held talks at the White House on Monday.",
            "Washington",
        ),
        # written before the meeting: where it is announced in the dateline's country
        (
            "de",
            "Zürich (Agentur) - Merz kommt heute mit Carney zusammen. Die Schweiz empfängt "
            "die beiden um 15 Uhr in Davos.",
            "Davos",
        ),
    ],
)
def test_a_dateline_gives_the_venue_unless_events_took_place_elsewhere(lang, text, place):
    rows = _table(lang, text)
    assert rows[rows.event_type == "talks"].iloc[0].place == place


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Macron will hold talks with Sánchez in Valencia on Friday. A joint news conference "
            "is planned afterwards.",
        ),
        (
            "de",
            "Macron wird am Freitag in Valencia mit Sánchez Gespräche führen. Anschließend ist "
            "eine gemeinsame Pressekonferenz geplant.",
        ),
    ],
)
def test_a_report_written_before_its_meeting_takes_the_venue_it_announces(lang, text):
    """A report that tells nothing held yet and has no dateline: the place of the meeting it
    announces is its venue, where what it announces with no place of its own will be."""
    rows = _table(lang, text)
    assert set(rows.place) == {"Valencia"}
    assert "valencia" in rows.iloc[0].story_id


def test_a_town_before_a_colon_is_where_the_report_was_filed_not_the_summit():
    """A town before a colon ("Hanoi: ...") opens the report where it was filed; the summit its
    lead names lies elsewhere, and the talks announced for the trip are there."""
    text = (
        "Hanoi: Prime Minister Antonio Costa on Monday left for Brazil to attend the summit of "
        "the group in Brasilia. During the two-day visit, Costa is expected to hold talks "
        "with Lula."
    )
    rows = _table("en", text)
    assert rows[rows.event_type == "talks"].iloc[0].place == "Brasília"


@pytest.mark.parametrize(
    ("text", "meetings"),
    [
        # "im Juli" and "July 2021" can be one month: one meeting
        ("Biden und Putin trafen sich im Juli in Genf. Das Treffen im Juli 2021 dauerte lange.", 1),
        # July 2018 and July 2019 cannot
        (
            "Biden und Putin trafen sich im Juli 2018 in Genf. "
            "Das Treffen im Juli 2019 dauerte lange.",
            2,
        ),
    ],
)
def test_a_meeting_in_one_month_is_not_one_in_another(text, meetings):
    rows = _table("de", text, "2021-08-01 10:00")
    assert len(rows[rows.event_type == "talks"]) == meetings


def test_a_call_of_another_month_is_not_the_one_the_report_tells():
    """Published in July: the call "im März" is the last one before, not the one told with its
    length (a month away from the report's own is another time, as for its story)."""
    text = (
        "Biden und Xi haben zwei Stunden lang telefoniert. "
        "Das letzte Telefonat der beiden war im März."
    )
    calls = _table("de", text, "2022-07-29 10:00").query("event_type == 'phone_call'")
    assert len(calls) == 2
    assert sorted(calls.duration_min.fillna(0)) == [0, 120]


def test_a_weekday_and_a_date_on_that_weekday_are_one_meeting_in_an_undated_report():
    """No publication to count from: "on Tuesday" may be Tuesday, Sept. 23, not Monday 22."""
    text = (
        "Trump meets with Zelensky during the UN General Assembly in New York on "
        "Tuesday, Sept. 23, 2025.\n\n"
        "Zelensky met Trump on Tuesday in New York and said the talks went well.\n\n"
        "Trump had met Zelensky in New York on Monday, Sept. 22, 2025, too.\n"
    )
    report = parse_report(text, report_id="case", language="en", outlet="Test")
    talks = st.extract_events([report]).query("event_type == 'talks'")
    assert sorted(talks.date.astype(str)) == ["2025-09-22", "2025-09-23"]
    tuesday = talks[talks.date.astype(str) == "2025-09-23"].iloc[0]
    assert len(tuesday.evidence) == 2


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Chilean President Boric met Danish Prime Minister Frederiksen in Oslo on Thursday. "
            "Frederiksen posted a photo of her meeting with Boric today in Oslo.",
        ),
        (
            "en",
            "Chilean President Boric and Danish Prime Minister Frederiksen met in Oslo yesterday. "
            "Frederiksen posted a photo of her meeting with Boric on Wednesday in Oslo.",
        ),
        (
            "de",
            "Der chilenische Präsident Boric hat sich am Donnerstag in Oslo mit der dänischen "
            "Regierungschefin Frederiksen getroffen. Frederiksen veröffentlichte ein Foto ihres "
            "Treffens mit Boric heute in Oslo.",
        ),
    ],
)
def test_a_day_told_two_ways_is_one_meeting_counted_from_the_report(lang, text):
    """Published on Thursday, June 17: "on Thursday" and "today" name one day, as "yesterday"
    and "on Wednesday" do, so the meeting told twice is one event."""
    talks = _table(lang, text).query("event_type == 'talks'")
    assert len(talks) == 1
    assert talks.date.astype(str).tolist()[0] in ("2021-06-16", "2021-06-17")


@pytest.mark.parametrize(
    ("lang", "text", "dates"),
    [
        # published on Thursday: "yesterday" is Wednesday, not the Thursday of the other meeting
        (
            "en",
            "Chilean President Boric met Danish Prime Minister Frederiksen in Oslo on Thursday. "
            "Boric and Frederiksen had already met in Oslo yesterday.",
            ["2021-06-16", "2021-06-17"],
        ),
        # "later in the day" counts from the day told: the next item of that day, not "today"
        (
            "en",
            "Chilean President Boric met Danish Prime Minister Frederiksen in Oslo on Thursday. "
            "Later in the day, Boric and Frederiksen met again with their ministers.",
            ["2021-06-17", "2021-06-17"],
        ),
        (
            "de",
            "Der chilenische Präsident Boric hat sich am Donnerstag in Oslo mit der dänischen "
            "Regierungschefin Frederiksen getroffen. Am selben Tag trafen sich Boric und "
            "Frederiksen erneut mit ihren Ministern.",
            ["2021-06-17", "2021-06-17"],
        ),
    ],
)
def test_another_day_or_a_day_counted_from_the_day_told_is_another_meeting(lang, text, dates):
    talks = _table(lang, text).query("event_type == 'talks'")
    assert sorted(talks.date.astype(str)) == dates


def test_a_lunch_and_a_dinner_are_two_meals_and_a_meal_may_be_either() -> None:
    table = _table(
        "en",
        "Scholz and Biden had lunch at the White House. In the evening they had dinner at a"
        " restaurant.",
    )
    assert sorted(table.trigger) == ["dinner", "lunch"]
    assert table.event_id.nunique() == 2
    table = _table(
        "de", "Scholz und Biden trafen sich zum Arbeitsessen. Das Mittagessen dauerte lange."
    )
    assert table.event_id.nunique() == 1


def test_a_time_in_what_a_verb_of_saying_reports_is_not_the_sayings() -> None:
    table = _table(
        "en",
        "Speaking to reporters, Scholz said he had been encouraged by the Senate's vote on"
        " Tuesday to advance the bill.",
    )
    press = table[table.event_type == "press_statement"]
    assert list(press.date) == [dt.date(2021, 6, 17)]  # the day of writing, not Tuesday
    # the saying's own time stands next to the verb
    table = _table("en", "Speaking to reporters, Scholz said on Tuesday that the bill would pass.")
    press = table[table.event_type == "press_statement"]
    assert list(press.date) == [dt.date(2021, 6, 15)]


@pytest.mark.parametrize(
    ("text", "status", "day"),
    [
        # the day next to a verb of saying before the trigger is the saying's: an event still to
        # come takes the day its own words name ...
        (
            "A government spokesman said Wednesday that Scholz will meet Macron on Saturday.",
            "announced",
            dt.date(2021, 6, 19),
        ),
        # ... or none ("on Wednesday" is past: it is not the coming Wednesday of the meeting)
        (
            "On Wednesday, Scholz said he hoped to use the meeting with Macron to discuss trade.",
            "announced",
            None,
        ),
        # a held event takes the day its own clause names ...
        (
            "The spokesman said Wednesday that Scholz and Macron had met in Paris on Tuesday.",
            "occurred",
            dt.date(2021, 6, 15),
        ),
        # ... and the saying's only where its sentence names no other
        (
            "The spokesman said Wednesday that Scholz and Macron had met in Paris.",
            "occurred",
            dt.date(2021, 6, 16),
        ),
        # what was called off did not take place on the saying's day (with no day of its own, a
        # meeting called off is of its report's day)
        (
            "The spokesman said Wednesday that the meeting of Scholz and Macron was cancelled.",
            "cancelled",
            dt.date(2021, 6, 17),
        ),
    ],
)
def test_the_day_of_a_saying_before_the_event_it_reports_is_the_sayings(
    text: str, status: str, day: dt.date | None
) -> None:
    talks = _table("en", text).query("event_type == 'talks'")
    assert list(talks.status) == [status]
    assert list(talks.date) == [day]


@pytest.mark.parametrize(
    ("lang", "text", "day"),
    [
        # a day after a word that opens what the verb reports is the reported event's ...
        (
            "en",
            "A government spokesman said that on Saturday Scholz will meet Macron in Paris.",
            dt.date(2021, 6, 19),
        ),
        (
            "en",
            "The minister added that Saturday he will hold talks with Macron in Paris.",
            dt.date(2021, 6, 19),
        ),
        # ... and so is one after the comma that opens it
        (
            "de",
            "Ein Regierungssprecher sagte, am Samstag werde Scholz Macron in Paris treffen.",
            dt.date(2021, 6, 19),
        ),
        # the day right before the comma or "that" stays the saying's
        (
            "de",
            "Ein Regierungssprecher sagte am Mittwoch, Scholz werde Macron in Paris treffen.",
            None,
        ),
        (
            "en",
            "A government spokesman said Wednesday that Scholz will meet Macron in Paris.",
            None,
        ),
    ],
)
def test_a_day_after_the_opening_of_what_is_reported_is_the_events(
    lang: str, text: str, day: dt.date | None
) -> None:
    talks = _table(lang, text).query("event_type == 'talks'")
    assert list(talks.status) == ["announced"]
    assert list(talks.date) == [day]


@pytest.mark.parametrize(
    ("lang", "text", "actors"),
    [
        # who reports on a meeting is no party to it
        (
            "en",
            "Putin welcomed Erdogan in Sochi. Putin and Erdogan held talks on Monday, said Kremlin"
            " spokesman Peskov.",
            {"Putin", "Erdogan"},
        ),
        (
            "de",
            "Putin empfing Erdogan in Sotschi. Putin und Erdogan führten Gespräche, sagte"
            " Kremlsprecher Peskow.",
            {"Putin", "Erdogan"},
        ),
        # the one told is the listener, and a comma parts a name from the source after it
        (
            "en",
            "At their talks, Putin told Erdogan, according to the Kremlin, that it went well.",
            {"Putin", "Erdogan"},
        ),
        # a preposition of a source names it ("laut", "nach Angaben von", "according to")
        (
            "de",
            "Putin empfing Erdogan in Sotschi. Nach Angaben von Kremlsprecher Dmitri Peskow"
            " führten Putin und Erdogan lange Gespräche.",
            {"Putin", "Erdogan"},
        ),
        (
            "de",
            "Putin empfing Erdogan in Sotschi. Laut Peskow führten die beiden lange Gespräche.",
            {"Putin", "Erdogan"},
        ),
        (
            "en",
            "Putin welcomed Erdogan in Sochi. Peskov pointed out that Putin and Erdogan held"
            " talks on Monday.",
            {"Putin", "Erdogan"},
        ),
        # a name in the genitive before the speaker's title does not part the verb from him
        (
            "de",
            "Putin empfing Erdogan in Sotschi. Putin und Erdogan führten Gespräche, sagte Putins"
            " außenpolitischer Berater Juri Uschakow.",
            {"Putin", "Erdogan"},
        ),
    ],
)
def test_the_source_of_a_report_is_no_party_to_the_meeting(lang, text, actors) -> None:
    talks = _table(lang, text, "2021-09-29 20:00")
    talks = talks[talks.event_type == "talks"]
    assert [set(a) for a in talks.actors] == [actors]


@pytest.mark.parametrize(
    ("lang", "text", "actors"),
    [
        (
            "en",
            "Scholz met Macron at the Elysee Palace on Monday after earlier calling on Prime"
            " Minister Mark Rutte in The Hague.",
            {"Scholz", "Macron"},
        ),
        (
            "en",
            "Scholz met Macron in Paris on Monday while Prime Minister Mark Rutte stayed in The"
            " Hague.",
            {"Scholz", "Macron"},
        ),
        (
            "de",
            "Scholz traf am Montag in Paris Macron, bevor er nach Warschau zu Präsident Andrzej"
            " Duda weiterflog.",
            {"Scholz", "Macron"},
        ),
        # a clause of its own before the meeting's
        (
            "en",
            "While Prime Minister Mark Rutte stayed in The Hague, Scholz met Macron in Paris on"
            " Monday.",
            {"Scholz", "Macron"},
        ),
        (
            "de",
            "Während Präsident Andrzej Duda in Warschau blieb, traf Scholz am Montag Macron in"
            " Paris.",
            {"Scholz", "Macron"},
        ),
        # no word that opens a clause of its own: the one named after may share the meeting
        (
            "en",
            "Scholz met Macron in Paris on Monday, along with Prime Minister Mark Rutte.",
            {"Scholz", "Macron", "Rutte"},
        ),
    ],
)
def test_a_clause_beside_a_meeting_of_two_names_none_of_its_people(lang, text, actors) -> None:
    """Where the meeting's own clause names two people, those named in a clause that a word of
    its own opens (lexicon key ``clause_breaks``, not a coordinator) before or after it take
    part in what that clause tells, not in the meeting."""
    talks = _table(lang, text, "2021-09-29 20:00")
    talks = talks[talks.event_type == "talks"]
    assert [set(a) for a in talks.actors] == [actors]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Putin welcomed Erdogan in Sochi. Kremlin aide Yuri Ushakov said a new summit will be"
            " preceded by a phone call between Lavrov and Cavusoglu.",
        ),
        (
            "de",
            "Putin empfing Erdogan in Sotschi. Laut Kremlberater Juri Uschakow wird einem neuen"
            " Gipfel ein Telefonat zwischen Lawrow und Cavusoglu vorausgehen.",
        ),
        # a preposition of a source names the one after it, not the one before
        (
            "de",
            "Putin empfing Erdogan in Sotschi. Lawrow wird laut Peskow am Freitag mit Cavusoglu"
            " telefonieren.",
        ),
    ],
)
def test_the_source_of_a_report_is_no_party_to_a_call(lang, text) -> None:
    """A call joins its people as a meeting does: who reports on it is none of them."""
    table = _table(lang, text, "2021-09-29 20:00")
    calls = table[table.event_type == "phone_call"]
    assert [set(a) for a in calls.actors] == [{"Lavrov", "Cavusoglu"}]


def test_a_clock_time_in_brackets_is_no_year() -> None:
    """ "(1917 GMT)" converts the time before it; read as the year 1917 it made the greeting an
    event of another year, undated."""
    table = _table(
        "en",
        "Erdogan greeted Putin with a handshake at 10:17 p.m. local time (1917 GMT) at the"
        " palace in Ankara, the host's office said.",
    )
    arrival = table[table.event_type == "arrival"]
    assert arrival.date.notna().all()
    assert [s.strftime("%H:%M") for s in arrival.start] == ["22:17"]


def test_a_dated_dateline_tells_where_a_publication_day_is() -> None:
    # a publication that gives only a day may fall on two local dates at the venue; the
    # dateline says which day it was where the report was filed
    text = (
        "WASHINGTON, Feb 9 (Example Wire) - President Joe Biden met German Chancellor Olaf "
        "Scholz at the White House."
    )
    table = _table("en", text, published="2024-02-09")
    published = table.published.iloc[0]
    assert published.isoformat() == "2024-02-09T00:00:00-05:00"
    assert table.date.tolist() == [dt.date(2024, 2, 9)]
    assert any("dateline" in note for note in table.notes.iloc[0])
    # a dateline of another day than the publication's changes nothing
    other = _table("en", text.replace("Feb 9", "Feb 7"), published="2024-02-09")
    assert other.published.iloc[0].isoformat() == "2024-02-09T00:00:00+00:00"


def test_a_report_of_a_call_has_no_venue_where_it_was_filed() -> None:
    # a call is held nowhere: the dateline is where the report was filed, not a venue
    text = (
        "Berlin (dpa) - Bundeskanzler Olaf Scholz hat am Freitag mit Kremlchef "
        "Wladimir Putin telefoniert. Das Telefonat dauerte eine Stunde."
    )
    table = _table("de", text, published="2024-11-15 18:00")
    assert set(table.event_type) == {"phone_call"}
    assert table.place.isna().all()
    assert all("unplaced" in story for story in table.story_id)


def test_a_printed_weekday_picks_the_year_of_a_date_printed_without_one() -> None:
    # no publication: the year the report names most would put "Monday, July 16" on a
    # Saturday; the nearest year where July 16 is a Monday is the one meant
    text = (
        "Trump met Putin on Monday, July 16 in Helsinki. "
        "They spoke about the hacking of 2016 and the sanctions of 2016."
    )
    report = parse_report(text, report_id="case", language="en", outlet="Test")
    table = st.extract_events([report])
    assert table.date.tolist() == [dt.date(2018, 7, 16)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Macron and Scholz held talks in Paris on October 19. "
            "The two sides agreed Wednesday (19 October) to draft a joint plan. "
            "The 2014 accord was signed in Minsk.",
        ),
        (
            "de",
            "Macron und Scholz führten am 19. Oktober in Paris Gespräche. "
            "Beide Seiten einigten sich am Mittwoch (19. Oktober) auf einen gemeinsamen Plan. "
            "Das Abkommen von 2014 war in Minsk unterzeichnet worden.",
        ),
    ],
)
def test_a_weekday_printed_before_a_date_in_brackets_fixes_an_undated_reports_year(
    lang: str, text: str
) -> None:
    # no publication, and the only year named is of the recalled accord: "Wednesday
    # (19 October)" falls on 19 October only in 2016 of the years near it, so the talks the
    # report dates "October 19" are of 2016, not of 2014
    report = parse_report(text, report_id="case", language=lang, outlet="Test")
    table = st.extract_events([report])
    talks = table[table.event_type == "talks"]
    assert talks.date.tolist() == [dt.date(2016, 10, 19)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Scholz and Macron held talks at the Chancellery on March 14, 2023. "
            "The two leaders had met the night before for a private dinner.",
        ),
        (
            "de",
            "Scholz und Macron trafen sich am 14. März 2023 im Kanzleramt zu Gesprächen. "
            "Die beiden hatten sich am Vorabend zum Abendessen getroffen.",
        ),
    ],
)
def test_the_night_before_in_an_undated_report_counts_from_its_storys_day(
    lang: str, text: str
) -> None:
    # no publication to count from: "the night before" is the eve of the day the report
    # tells of (its story's day, the 14th), not that day itself
    report = parse_report(text, report_id="case", language=lang, outlet="Test")
    table = st.extract_events([report])
    talks = table[table.event_type == "talks"].sort_values("char_start")
    assert talks.date.tolist() == [dt.date(2023, 3, 14), dt.date(2023, 3, 13)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The Chilean president arrived in Copenhagen on the eve of the June 12, 2024 "
            "ceremony, where he will meet the Danish prime minister.",
        ),
        (
            "de",
            "Der chilenische Präsident ist am Vorabend des 12. Juni 2024 in Kopenhagen "
            "eingetroffen, wo er die dänische Ministerpräsidentin treffen wird.",
        ),
    ],
)
def test_an_arrival_on_the_eve_of_a_dated_day_is_the_day_before_it(lang: str, text: str) -> None:
    # "on the eve of the June 12 ceremony" names the 11th: the date is the day counted from,
    # not the day of the arrival
    report = parse_report(text, report_id="case", language=lang, outlet="Test")
    table = st.extract_events([report])
    arrival = table[table.event_type == "arrival"]
    assert arrival.date.tolist() == [dt.date(2024, 6, 11)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Scholz arrived in Washington on Sunday, February 6, 2022. "
            "Biden and Scholz held talks at the White House on February 7. "
            "Vice President Harris greeted Scholz at the airport.",
        ),
        (
            "de",
            "Scholz ist am Sonntag, dem 6. Februar 2022, in Washington eingetroffen. "
            "Biden und Scholz führten am 7. Februar Gespräche im Weißen Haus. "
            "Vizepräsidentin Harris begrüßte Scholz am Flughafen.",
        ),
    ],
)
def test_an_undated_arrival_takes_the_arrival_day_its_report_states(lang: str, text: str) -> None:
    # the story's day is the day of the talks (the 7th), but the report says its guest arrived
    # on the 6th: the greeting at the airport, which names no day, is of that arrival's day
    report = parse_report(text, report_id="case", language=lang, outlet="Test")
    table = st.extract_events([report])
    arrivals = table[table.event_type == "arrival"].sort_values("char_start")
    assert arrivals.date.tolist() == [dt.date(2022, 2, 6), dt.date(2022, 2, 6)]


def test_a_visit_that_names_no_place_is_at_the_venue() -> None:
    text = (
        "Modi traf Macron am Freitag in Paris zu Gesprächen. "
        "Danach besuchte er gemeinsam mit Macron die Militärparade."
    )
    table = _table("de", text)
    visits = table[table.event_type == "visit"]
    assert visits.place.tolist() == ["Paris"]


@pytest.mark.parametrize(
    ("lang", "text", "published", "kind", "places"),
    [
        # the clause names where it happened: not the venue, though far from it
        (
            "en",
            "Biden and Putin met in Geneva on Wednesday. "
            "On Thursday, Biden spoke to reporters in Brussels.",
            "2021-06-17 08:00",
            "press_statement",
            ["Brussels"],
        ),
        (
            "de",
            "Biden und Putin trafen sich am Mittwoch in Genf. "
            "Am Donnerstag landete Biden in Brüssel.",
            "2021-06-17 08:00",
            "arrival",
            ["Brussels"],
        ),
        # a destination of the clause is where someone is invited, not where the talks were
        (
            "en",
            "Trump and Kim met on Sentosa island on Tuesday. The one-on-one lasted 40 minutes. "
            "On Wednesday, state media said Kim had invited Trump to Pyongyang during the talks.",
            "2018-06-14 08:00",
            "talks",
            ["Sentosa", "Sentosa"],
        ),
    ],
)
def test_a_place_the_events_own_clause_names_holds_against_the_venue(
    lang, text, published, kind, places
) -> None:
    table = _table(lang, text, published)
    assert table[table.event_type == kind].place.tolist() == places


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a speech somewhere is a stop there
        (
            "en",
            "Biden will deliver a speech at Queen's University later today.",
            {("visit", "announced")},
        ),
        ("en", "Scholz addressed a joint session of Congress.", {("visit", "occurred")}),
        (
            "de",
            "Am Mittwoch soll Macron eine Rede vor dem Bundestag halten.",
            {("visit", "announced")},
        ),
        # a speech nowhere is none, and neither is the verb "reden" (to talk)
        ("de", "In seiner Rede sprach Biden von Freiheit.", set()),
        ("de", "Die Präsidenten reden vor dem Gipfel der G20 am Dienstag.", set()),
    ],
)
def test_a_speech_somewhere_is_a_visit(lang: str, text: str, expected: set) -> None:
    assert _events(lang, text) == expected


def test_a_call_named_in_a_quotation_does_not_keep_the_talk_from_the_call() -> None:
    text = (
        "Bundeskanzler Olaf Scholz hat mit Kremlchef Wladimir Putin telefoniert. "
        "«Der Anruf öffnet die Büchse der Pandora», sagte Selenskyj. "
        "Das Gespräch zwischen Scholz und Putin dauerte etwa eine Stunde."
    )
    table = _table("de", text)
    call = table[(table.event_type == "phone_call") & table.actors.map(lambda a: "Scholz" in a)]
    assert call.duration_min.tolist() == [60.0]
    assert "talks" not in set(table.event_type)


@pytest.mark.parametrize(
    ("lang", "text", "durations"),
    [
        # time gone by before the event is not its length
        (
            "de",
            "Nach zwei Stunden und 45 Minuten traten beide Präsidenten vor die Presse.",
            {"press_statement": None},
        ),
        # unless it measures the trigger itself, or a verb of lasting says it is the event's
        (
            "en",
            "After two hours of talks, the leaders appeared before the press.",
            {"talks": 120.0, "press_statement": None},
        ),
        ("de", "Nach zehn Minuten dauerte die Pressekonferenz an.", {"press_statement": 10.0}),
    ],
)
def test_a_duration_after_after_is_time_gone_by(lang, text, durations):
    table = _table(lang, text)
    got = {
        r.event_type: (None if pd.isna(r.duration_min) else r.duration_min)
        for r in table.itertuples()
    }
    assert got == durations


def test_a_length_told_with_a_verb_of_lasting_beats_a_nouns_attribute() -> None:
    text = (
        "French President Emmanuel Macron spoke with German Chancellor Olaf Scholz in a nearly "
        "two-hour phone call on Friday. The phone call between Macron and Scholz began at "
        "9:03 a.m. It lasted one hour and 50 minutes, the Elysee said."
    )
    table = _table("en", text)
    call = table[table.event_type == "phone_call"]
    assert call.duration_min.tolist() == [110.0]


def test_a_name_ends_before_a_rule_of_hyphens() -> None:
    text = (
        "THE PRESS CONFERENCE WITH PRESIDENTS SMITH AND ZORKOWSKI----------- Further, the two "
        "heads of state held a press conference."
    )
    table = _table("en", text)
    assert all(not a.endswith("-") for actors in table.actors for a in actors)


def test_a_call_with_other_people_is_another_call() -> None:
    text = (
        "Am Samstag telefonierte US-Präsident Joe Biden mit Kremlchef Wladimir Putin. "
        "Frankreichs Präsident Emmanuel Macron telefonierte am Nachmittag mit Bundeskanzler "
        "Olaf Scholz, nachdem Macron zuvor mit Putin gesprochen hatte."
    )
    table = _table("de", text, published="2022-02-12 20:00")
    calls = table[table.event_type == "phone_call"]
    # Putin, named in the clause "nachdem" opens, is none of the Macron-Scholz call's people
    assert sorted(sorted(a) for a in calls.actors) == [
        ["Biden", "Putin"],
        ["Macron", "Scholz"],
    ]


def test_the_coming_weekday_of_an_event_still_to_come_dates_nothing_after_it():
    # "Thursday" is the coming one: the welcome told after it is not of the Thursday before
    text = (
        "Biden hosted Yoon at the White House on Wednesday. Yoon is also scheduled to deliver "
        "a speech Thursday at a joint meeting of Congress. A band performed at an arrival "
        "ceremony for Yoon."
    )
    table = _table("en", text, "2023-04-26 18:00")
    arrival = table[table.event_type == "arrival"].iloc[0]
    assert arrival.date != dt.date(2023, 4, 20)
    assert arrival.date_source != "context"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Merkel welcomed Macron in Berlin on Wednesday. Trade tops the agenda of the trip, "
            "which ends on Friday. Merkel and Macron held talks at the chancellery.",
        ),
        (
            "de",
            "Merkel empfing Macron am Mittwoch in Berlin. Im Mittelpunkt der Reise, die am "
            "Freitag endet, steht der Handel. Merkel und Macron führten anschließend Gespräche "
            "im Kanzleramt.",
        ),
    ],
)
def test_a_day_in_a_relative_clause_of_no_event_dates_nothing_after_it(lang: str, text: str):
    # "which ends on Friday" tells when the trip ends: the talks told after it took place on
    # the Wednesday the text has come to, not on the Friday before publication
    talks = _table(lang, text).query("event_type == 'talks'").iloc[0]
    assert talks.date == dt.date(2021, 6, 16)


def test_a_day_in_a_relative_clause_that_tells_an_event_stays_the_context():
    text = (
        "Merkel met Biden in Washington on Monday. Macron, who arrived in Berlin on Wednesday, "
        "laid a wreath. Merkel and Macron held talks at the chancellery."
    )
    table = _table("en", text)
    talks = table[(table.event_type == "talks") & table.actors.map(lambda a: "Macron" in a)]
    assert talks.iloc[0].date == dt.date(2021, 6, 16)


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # who speaks, not who sits beside
        (
            "Trump told reporters at the White House, as Carney sat quietly next to him, "
            "that tariffs would stay.",
            ["Trump"],
        ),
        # spoken together: both
        ("Trump and Carney held a joint press conference at the White House.", None),
    ],
)
def test_a_press_statements_people_are_who_speak(text: str, actors: list[str] | None):
    table = _table("en", text, "2025-10-07 18:00")
    press = table[table.event_type == "press_statement"].iloc[0]
    assert sorted(press.actors) == sorted(actors or ["Trump", "Carney"])


@pytest.mark.parametrize(
    ("lang", "text", "actors"),
    [
        # a joint statement is the two principals', not a group its words are about
        (
            "en",
            "Trump met Carney at the White House on Tuesday. At a joint news conference "
            "afterwards, Carney praised the European Union's stance on tariffs.",
            ["Trump", "Carney"],
        ),
        (
            "de",
            "Trump empfing Carney am Dienstag im Weißen Haus. Auf der gemeinsamen "
            "Pressekonferenz lobte Carney danach die Nato.",
            ["Trump", "Carney"],
        ),
        # the subject of the verb of saying the statement's word holds, not of another verb
        (
            "en",
            "Putin told Trump that the talks had been useful, Kremlin spokesman Dmitry Peskov "
            "told reporters.",
            ["Peskov"],
        ),
        # the same with an apposition between the speaker and the verb
        (
            "en",
            "Putin is expected to meet Trump on Friday, Yuri Ushakov, a senior foreign policy "
            "adviser, told reporters.",
            ["Ushakov"],
        ),
        # "they" after a sentence whose subject joins two people: those two
        (
            "en",
            "Trump and Carney met at the White House on Tuesday. Afterwards they held a short "
            "briefing for reporters.",
            ["Trump", "Carney"],
        ),
        (
            "de",
            "Trump und Carney trafen sich am Dienstag im Weißen Haus. Danach traten sie vor "
            "die Presse.",
            ["Trump", "Carney"],
        ),
    ],
)
def test_a_press_statements_speakers_are_told_by_its_own_sentence(lang, text, actors):
    table = _table(lang, text, "2025-10-07 18:00")
    press = table[table.event_type == "press_statement"].iloc[0]
    assert sorted(press.actors) == sorted(actors)


def test_call_words_after_one_of_several_calls_tell_that_call():
    text = (
        "Am Samstag telefonierte Joe Biden mit Wladimir Putin. Das Gespräch dauerte rund eine "
        "Stunde. Danach telefonierte Emmanuel Macron mit Olaf Scholz."
    )
    table = _table("de", text, "2022-02-12 22:00")
    assert list(table.event_type) == ["phone_call", "phone_call"]
    biden = table[table.actors.map(lambda a: "Biden" in a)].iloc[0]
    assert biden.duration_min == 60


@pytest.mark.parametrize(
    "text",
    [
        # a journey of no one, told between the call and the talk, is no call (a trip back
        # stands for a visit as a call stands for talks) and takes no one anywhere
        "Am Freitag rief Biden bei Scholz an. Kurz vor dem Abflug. Das Gespräch sei ruhig "
        "verlaufen, hieß es.",
        # the top-level conversation is the call as well
        "Am Freitag telefonierte Biden mit Scholz. Über das Spitzengespräch wurde wenig bekannt.",
    ],
)
def test_call_words_after_a_call_and_a_journey_of_no_one_tell_the_call(text):
    table = _table("de", text, "2022-02-12 22:00")
    assert "talks" not in set(table.event_type)
    (call,) = table[table.event_type == "phone_call"].itertuples()
    assert len(call.evidence) == 2


def test_a_list_of_names_before_a_comma_all_arrive():
    text = "Scholz, Macron und Draghi waren am Morgen mit einem Sonderzug nach Kiew gereist."
    table = _table("de", text, "2022-06-16 12:00")
    (arrival,) = table[table.event_type == "arrival"].itertuples()
    assert sorted(arrival.actors) == ["Draghi", "Macron", "Scholz"]


@pytest.mark.parametrize(
    ("lang", "text", "traveller"),
    [
        (
            "en",
            "Meloni, who landed in Tokyo on Monday morning, held talks with Prime Minister "
            "Kishida at his residence.",
            "Meloni",
        ),
        (
            "de",
            "Lula, der am Dienstag in Peking gelandet war, traf Xi Jinping in der Großen Halle "
            "des Volkes.",
            "Lula",
        ),
    ],
)
def test_a_relative_clause_after_a_name_is_that_persons_journey(lang, text, traveller):
    # the clause names no one: its traveller is the name before its comma, not everyone the
    # sentence names
    arrivals = _table(lang, text, "2024-03-06 18:00").query("event_type == 'arrival'")
    (arrival,) = arrivals.itertuples()
    assert list(arrival.actors) == [traveller]


def test_a_clause_that_recalls_another_time_takes_no_day_from_its_sentence():
    text = (
        "Biden und Xi trafen sich am Mittwoch in Woodside, zuletzt hatte man sich im "
        "November 2022 in Bali gesprochen."
    )
    table = _table("de", text, "2023-11-16 08:00")
    bali = table[table.place == "Bali"].iloc[0]
    assert bali.date is None  # November 2022, no day: not the Wednesday of the sentence
    assert table[table.place == "Woodside"].iloc[0].date == dt.date(2023, 11, 15)


def test_a_clause_where_two_other_people_meet_tells_another_meeting():
    text = (
        "Olaf Scholz last met Emmanuel Macron on March 3 at the Elysée Palace in Paris, "
        "shortly after Macron met Xi Jinping in Beijing."
    )
    table = _table("en", text, "2024-04-20 08:00")
    talks = {frozenset(a): p for a, p in zip(table.actors, table.place, strict=True)}
    assert talks[frozenset({"Macron", "Xi"})] == "Beijing"
    assert "Scholz" in next(a for a in talks if talks[a] == "Paris")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Vladimir Putin arrived in Minsk today at the invitation of Alexander Lukashenko."),
        ("de", "Wladimir Putin ist heute auf Einladung Alexander Lukaschenkos in Minsk gelandet."),
    ],
)
def test_an_invitation_that_brought_the_visit_takes_no_day_of_it(lang, text):
    """The invitation was made before the visit, on a day the text does not give: the visit
    is dated, the invitation is not."""
    table = _table(lang, text, "2024-05-23 18:00").set_index("event_type")
    assert table.loc["arrival"].date == dt.date(2024, 5, 23)
    assert table.loc["invitation"].date is None


def test_a_line_right_after_the_call_gives_its_length():
    """Pages often put each sentence on a line of its own: the length told on the line after
    the call is the call's."""
    text = (
        "Vladimir Putin spoke with Donald Trump by phone on Monday.\n"
        "It lasted more than two hours, Putin told state media.\n"
    )
    call = _table("en", text, "2025-05-19 20:00").set_index("event_type").loc["phone_call"]
    assert call.duration_min == 120
    assert call.duration_hedge == "more than"


@pytest.mark.parametrize(
    "told",
    ["the chancellor told reporters afterwards", "the chancellor told German radio afterwards"],
)
def test_a_length_told_to_the_press_is_the_calls_not_the_statements(told):
    """A length said ahead of a speech verb's clause ("It lasted ..., X told reporters") is
    what was said, the call's; the statement to the press has none."""
    text = (
        f"Olaf Scholz phoned Emmanuel Macron on Tuesday.\nIt went on for about an hour, {told}.\n"
    )
    table = _table("en", text, "2024-03-06 09:00").set_index("event_type")
    assert table.loc["phone_call"].duration_min == 60
    assert pd.isna(table.loc["press_statement"].duration_min)


@pytest.mark.parametrize(
    ("lang", "text", "minutes", "day"),
    [
        (
            "en",
            "Anna Holm and Boris Kral spoke by phone, their offices said.\n\n"
            "Holm called the exchange frank and useful.\n\n"
            "Their first long conversation took place on March 3, lasting an hour and a half, "
            "with trade at its centre.",
            90,
            "2031-03-03",
        ),
        (
            "de",
            "Anna Holm und Boris Kral haben miteinander telefoniert.\n\n"
            "Holm nannte den Austausch offen und nützlich.\n\n"
            "Das Gespräch dauerte rund eine Stunde, hieß es aus Regierungskreisen.",
            60,
            None,
        ),
    ],
)
def test_a_call_word_with_a_length_far_from_the_call_measures_it(lang, text, minutes, day):
    """In a report about one call, a sentence without a trigger that names a call word and a
    length gives the call that length, and its day when the call names none."""
    call = _table(lang, text, "2031-03-05 20:00").set_index("event_type").loc["phone_call"]
    assert call.duration_min == minutes
    if day is not None:
        assert str(call.date) == day


def test_time_gone_by_before_the_press_is_the_meetings_length():
    text = (
        "Das Treffen zwischen Biden und Putin in Genf blieb ohne Ergebnis. Nach zwei Stunden "
        "und 45 Minuten traten beide vor die Presse."
    )
    table = _table("de", text, "2021-06-16 22:00").set_index("event_type")
    assert table.loc["talks"].duration_min == 165
    assert pd.isna(table.loc["press_statement"].duration_min)
    # the sentence that gives the length is evidence of the talks
    assert any("Nach zwei Stunden" in e["sentence"] for e in table.loc["talks"].evidence)


def test_the_day_of_a_dateline_dates_no_event() -> None:
    # "Washington, 20.05.2025 (Wire)" is the day the report was filed: the call its first
    # sentence tells took place the evening before, as the other report says
    table = _tables(
        "de",
        {
            "filed": (
                "Washington, 20.05.2025 (Example Wire) US-Präsident Donald Trump hat nach "
                "seinem Telefonat mit Kremlchef Wladimir Putin neue Gespräche in Aussicht "
                "gestellt.",
                None,
            ),
            "same-day": (
                "Donald Trump und Wladimir Putin haben am Montagabend zwei Stunden lang "
                "telefoniert.",
                "2025-05-19 23:00",
            ),
        },
    )
    calls = table[table.event_type == "phone_call"]
    assert calls.date.tolist() == [dt.date(2025, 5, 19)] * 2
    assert calls.date_source[calls.report_id == "filed"].tolist() != ["stated"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Trump and Putin met in Helsinki on Monday. The talks touched on the meddling in "
            "the 2016 U.S. election.",
        ),
        (
            "de",
            "Trump und Putin trafen sich am Montag in Helsinki. Bei dem Treffen ging es auch um "
            "die Einmischung in die US-Wahl 2016.",
        ),
    ],
)
def test_the_year_of_an_election_dates_no_meeting(lang, text):
    # "the 2016 election" dates the election: the talks are the report's own, of 2018
    rows = _table(lang, text, "2018-07-16 20:00")
    talks = rows[rows.event_type == "talks"]
    assert talks.story_id.nunique() == 1
    assert not any("2016" in s for s in rows.story_id)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Trump and Putin met in Helsinki on Monday. At the talks they discussed the 2014 "
            "annexation of Crimea.",
        ),
        (
            "en",
            "Trump and Putin met in Helsinki on Monday. The talks were held in a hall rebuilt "
            "after a 1944 bombing.",
        ),
        (
            "de",
            "Trump und Putin trafen sich am Montag in Helsinki. Bei dem Treffen ging es auch um "
            "die Annexion der Krim 2014.",
        ),
    ],
)
def test_the_year_of_an_attack_or_annexation_dates_no_meeting(lang, text):
    # "the 2014 annexation" dates the annexation, "a 1944 bombing" the bombing: the talks are
    # the report's own, of 2018, not a meeting recalled from those years
    rows = _table(lang, text, "2018-07-16 20:00")
    talks = rows[rows.event_type == "talks"]
    assert talks.story_id.nunique() == 1
    assert not any("2014" in s or "1944" in s for s in rows.story_id)


@pytest.mark.parametrize(
    ("lang", "text", "actors"),
    [
        # whom the journey is for travels not
        ("en", "Orban arrived in Moscow on Friday for talks with Putin.", ["Orbán"]),
        ("en", "Modi landed in Washington to meet Biden.", ["Modi"]),
        ("de", "Selenskyj ist zu Gesprächen mit Biden in Washington eingetroffen.", ["Zelensky"]),
        # a greeting is the host's as well as the guest's
        ("en", "Putin welcomed Orban at the Kremlin for talks.", ["Putin", "Orbán"]),
        # who invites makes no journey
        ("en", "Orban arrived in Moscow at the invitation of Putin.", ["Orbán"]),
        ("de", "Selenskyj ist auf Einladung von Biden in Washington eingetroffen.", ["Zelensky"]),
        # whom the traveller meets in the next predicate is that meeting's, not the journey's
        ("en", "Orban arrived in Moscow on Friday and will hold talks with Putin.", ["Orbán"]),
        ("de", "Orban ist am Freitag nach Moskau gereist und hat dort Putin getroffen.", ["Orbán"]),
        # a welcome told next is still the arrival's; "and" between names joins them
        ("en", "Orban landed in Moscow and was welcomed by Putin.", ["Orbán", "Putin"]),
        (
            "en",
            "Orban was greeted by Putin and the Russian foreign minister.",
            ["Orbán", "Putin", "Lavrov"],
        ),
    ],
)
def test_an_arrival_is_the_travellers_not_whom_they_came_to_meet(lang, text, actors):
    arrival = _table(lang, text).query("event_type == 'arrival'")
    assert arrival.actors.tolist() == [actors]


@pytest.mark.parametrize(
    ("lang", "text", "kind", "actors"),
    [
        # the people of another event a word of time names take part in that event, not in
        # the journey or the meeting its clause tells
        (
            "en",
            "Orban flew to Minsk on Friday after talks with Putin and Lavrov.",
            "arrival",
            ["Orbán"],
        ),
        (
            "de",
            "Nach dem Gespräch mit Putin reiste Orban am Freitag weiter nach Minsk.",
            "arrival",
            ["Orbán"],
        ),
        (
            "de",
            "Nach einer Pressekonferenz mit Putin traf Orban am Freitag Lukaschenko.",
            "talks",
            ["Orbán", "Lukashenko"],
        ),
        # a list of names after the event's word is all of its people, a comma before the
        # traveller no list
        (
            "en",
            "After meeting Putin, Orban flew to Minsk on Friday.",
            "arrival",
            ["Orbán"],
        ),
    ],
)
def test_people_of_another_event_a_word_of_time_names_are_its_own(lang, text, kind, actors):
    rows = _table(lang, text).query("event_type == @kind")
    assert [sorted(a) for a in rows.actors] == [sorted(actors)]


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        # coming to a place by name is arriving there
        ("en", "Orban came to Moscow on Tuesday.", "Moscow"),
        ("de", "Orban kam am Dienstag zu Gesprächen nach Moskau.", "Moscow"),
        ("de", "Orban ist am Dienstag nach Moskau gekommen.", "Moscow"),
    ],
)
def test_coming_to_a_named_place_is_an_arrival(lang, text, place):
    arrival = _table(lang, text).query("event_type == 'arrival'")
    assert arrival.place.tolist() == [place]
    assert arrival.actors.tolist() == [["Orbán"]]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "Kishida besucht die Ukraine. Der Regierungschef ist überraschend in Kiew zu "
            "Gesprächen mit Selenskyj eingetroffen.",
        ),
        (
            "en",
            "Kishida visits Ukraine. The Japanese leader arrived in Kyiv on Tuesday for talks "
            "with Zelensky.",
        ),
    ],
)
def test_a_traveller_named_only_by_title_is_the_other_principal(lang, text):
    arrival = _table(lang, text, "2023-03-21 18:00").query("event_type == 'arrival'")
    assert arrival.actors.tolist() == [["Kishida"]]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Biden and Xi met in Woodside on Wednesday. On Friday morning Biden talked on the "
            "phone again.",
        ),
        (
            "de",
            "Lula und Putin trafen sich am Freitag in Moskau. Am Montag telefonierte Lula erneut.",
        ),
    ],
)
def test_a_call_has_two_sides(lang, text):
    # one principal named alone on a call spoke with the other
    calls = _table(lang, text).query("event_type == 'phone_call'")
    assert len(calls) == 1
    assert len(calls.actors.iloc[0]) == 2


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Scholz and Macron met in Paris on Monday. On Tuesday Scholz will meet with leaders "
            "from Poland, Spain and Sweden.",
        ),
        (
            "en",
            "Scholz and Macron met in Paris on Monday. On Tuesday Scholz will hold talks with "
            "members of the Polish government.",
        ),
        (
            "de",
            "Scholz und Macron trafen sich am Montag in Paris. Am Dienstag wird Scholz Gespräche "
            "mit den Staats- und Regierungschefs der Nordischen Länder führen.",
        ),
    ],
)
def test_a_meeting_with_a_group_is_not_with_the_other_principal(lang, text):
    # one principal named alone who meets a group meets them, not the other principal
    talks = _table(lang, text).query("event_type == 'talks' and status == 'announced'")
    assert len(talks) == 1
    assert talks.actors.iloc[0] == ["Scholz"]


@pytest.mark.parametrize(
    ("lang", "text", "actors"),
    [
        # officials of countries neither principal leads meet among themselves
        (
            "en",
            "Scholz and Macron met in Paris on Monday. On Wednesday Polish and Italian "
            "delegations met in Warsaw.",
            [],
        ),
        (
            "de",
            "Scholz und Macron trafen sich am Montag in Paris. Am Mittwoch begannen in Warschau "
            "Gespräche zwischen Vertretern Polens und Italiens.",
            [],
        ),
        # the delegations of the principals' own countries: the principals' meeting
        (
            "en",
            "Scholz and Macron met in Paris on Monday. On Wednesday German and French "
            "delegations met in Warsaw.",
            ["Scholz", "Macron"],
        ),
        # representatives of the principals' own countries, no format of the leaders' meeting:
        # theirs, who are named by no one (the principals stand for them only in alignment)
        (
            "en",
            "Scholz and Macron met in Paris on Monday. On Wednesday representatives of Germany "
            "and France negotiated in Warsaw.",
            [],
        ),
        (
            "de",
            "Scholz und Macron trafen sich am Montag in Paris. Am Mittwoch verhandelten "
            "Vertreter Deutschlands und Frankreichs in Warschau.",
            [],
        ),
    ],
)
def test_a_meeting_of_officials_of_other_countries_is_not_the_principals(lang, text, actors):
    talks = _table(lang, text).query("event_type == 'talks' and place == 'Warsaw'")
    assert len(talks) == 1
    assert talks.actors.iloc[0] == actors
    assert all(name in talks.label.iloc[0] for name in actors)
    if not actors:
        assert "Scholz" not in talks.label.iloc[0]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a principal named in another clause of the sentence is no side of the officials' talks
        (
            "en",
            "Scholz and Macron met in Paris on Monday. On Wednesday, talks between Polish and "
            "Italian delegations took place in Warsaw, which were seen as a test of whether "
            "Scholz can mediate.",
        ),
        (
            "de",
            "Scholz und Macron trafen sich am Montag in Paris. Am Mittwoch verhandelten in "
            "Warschau Vertreter Polens und Italiens, die Scholz zuvor getroffen hatte.",
        ),
    ],
)
def test_a_meeting_of_officials_takes_people_only_from_its_own_clause(lang, text):
    talks = _table(lang, text).query("event_type == 'talks' and place == 'Warsaw'")
    assert len(talks) == 1
    assert talks.actors.iloc[0] == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Scholz and Macron met in Paris on Monday. Earlier, talks between Polish and "
            "Italian delegations had taken place.",
        ),
        (
            "de",
            "Scholz und Macron trafen sich am Montag in Paris. Zuvor hatten Gespräche zwischen "
            "Vertretern Polens und Italiens stattgefunden.",
        ),
    ],
)
def test_a_meeting_of_other_countries_officials_is_not_merged_with_the_leaders(lang, text):
    # two meetings: the leaders' own keeps its people, the officials' names no one
    talks = _table(lang, text).query("event_type == 'talks'")
    assert sorted(map(tuple, talks.actors)) == [(), ("Scholz", "Macron")]


def test_a_principal_meeting_officials_of_another_country_meets_them_alone():
    # no other principal is added beside the one who meets a delegation
    text = (
        "Scholz and Macron met in Paris on Monday. On Wednesday Scholz held talks with the "
        "Italian delegation in Warsaw."
    )
    talks = _table("en", text).query("event_type == 'talks' and place == 'Warsaw'")
    assert list(talks.actors) == [["Scholz"]]


def test_the_commas_of_a_list_of_people_bound_no_clause():
    # the clause of the verb at the end runs over the list: its future, and all the people
    text = (
        "Am Freitag wird sich Moon in Washington mit Außenminister Mike Pompeo, dem "
        "Sicherheitsberater John Bolton und Vizepräsident Mike Pence treffen."
    )
    talks = _table("de", text).query("event_type == 'talks'")
    assert list(talks.status) == ["announced"]
    assert set(talks.actors.iloc[0]) == {"Moon", "Pompeo", "Bolton", "Pence"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Xi Jinping arrived in Moscow on Wednesday to attend the Victory Day military parade.",
        ),
        (
            "de",
            "Xi Jinping ist am Mittwoch in Moskau eingetroffen, um an der Militärparade zum Tag "
            "des Sieges teilzunehmen.",
        ),
    ],
)
def test_what_a_journey_is_for_is_still_to_come(lang, text):
    rows = _table(lang, text, published="2025-05-07 12:00")
    assert dict(zip(rows.event_type, rows.status, strict=True)) == {
        "arrival": "occurred",
        "visit": "announced",
    }


@pytest.mark.parametrize(
    ("lang", "text", "status"),
    [
        # a clause of purpose is as far ahead as the clause it serves
        (
            "de",
            "Am Mittag wird sich Selenskyj in den Palazzo Chigi begeben, um Meloni und Tajani "
            "zu treffen, berichteten italienische Medien.",
            "announced",
        ),
        (
            "en",
            "At noon Zelensky will drive to the Palazzo Chigi, in order to meet Meloni.",
            "announced",
        ),
        # and no further: one served by a clause that tells the past took place
        ("de", "Am Mittag fuhr Selenskyj zum Palazzo Chigi, um Meloni zu treffen.", "occurred"),
    ],
)
def test_a_clause_of_purpose_is_as_far_ahead_as_the_clause_it_serves(lang, text, status):
    talks = _table(lang, text, published="2023-05-13 08:00").query("event_type == 'talks'")
    assert list(talks.status) == [status]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a host receiving a guest in the present tense for a meeting: the meeting it is for is
        # still ahead; a guest received to a meeting its clause names is received to that
        # meeting, which the clause tells, not an arrival of its own
        (
            "de",
            "Die dänische Präsidentin empfängt den chilenischen Präsidenten zu Gesprächen auf "
            "Schloss Amalienborg.",
            {("talks", "announced")},
        ),
        (
            "de",
            "Am Abend empfängt die Königin den Gast zum Staatsbankett.",
            {("talks", "announced")},
        ),
        # told in the perfect, what the guest was received to took place
        (
            "de",
            "Die dänische Präsidentin hat den chilenischen Präsidenten zu Gesprächen auf Schloss "
            "Amalienborg empfangen.",
            {("talks", "occurred")},
        ),
        # in the future, with words between the word of what for and the meeting's
        (
            "de",
            "Am Montag wird die Präsidentin den Gast aus Chile zu einem bilateralen Treffen im "
            "Schloss empfangen.",
            {("talks", "announced")},
        ),
        # received with no meeting named in the clause: the arrival
        (
            "de",
            "Die dänische Präsidentin empfing den chilenischen Präsidenten auf Schloss "
            "Amalienborg, danach begannen die Gespräche.",
            {("arrival", "occurred"), ("talks", "occurred")},
        ),
        # the English simple present of a reception is the tense of captions told after it
        (
            "en",
            "The Danish president welcomes the Chilean president for talks at the palace.",
            {("arrival", "occurred"), ("talks", "occurred")},
        ),
    ],
)
def test_a_meeting_a_guest_is_received_for_in_the_present_is_still_ahead(lang, text, expected):
    assert _events(lang, text) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # what an agreement is about is still ahead
        (
            "en",
            "The two presidents agreed to set up a meeting in Geneva.",
            {("talks", "announced")},
        ),
        (
            "de",
            "Die beiden Präsidenten haben ein Treffen in Genf vereinbart.",
            {("talks", "announced")},
        ),
        # the occasion where it was agreed took place
        (
            "en",
            "The two presidents agreed during their phone call to cut tariffs.",
            {("phone_call", "occurred")},
        ),
        (
            "de",
            "Bei ihrem Telefonat vereinbarten die beiden Präsidenten niedrigere Zölle.",
            {("phone_call", "occurred")},
        ),
        # going on with what is under way agrees on no new event
        (
            "en",
            "The two presidents agreed to continue their talks in Geneva.",
            {("talks", "occurred")},
        ),
    ],
)
def test_an_event_agreed_on_is_still_ahead(lang, text, expected):
    assert _events(lang, text) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # what a verb of looking forward governs, a noun or its infinitive clause, is still
        # ahead, also in reported speech
        (
            "en",
            "The chancellor looks forward to the talks with the Danish prime minister.",
            {("talks", "announced")},
        ),
        (
            "en",
            "The governor is poised for a first face-to-face meeting with the mayor.",
            {("talks", "announced")},
        ),
        (
            "de",
            "Die Kanzlerin freue sich darauf, mit dem dänischen Premier über Zölle zu sprechen.",
            {("talks", "announced")},
        ),
        (
            "de",
            "Der Ministerin steht eine Reihe von Treffen mit Amtskollegen bevor.",
            {("talks", "announced")},
        ),
        # told in the simple past, what was looked forward to took place
        (
            "en",
            "Looking forward to the summit, the two presidents met in Geneva.",
            {("talks", "occurred")},
        ),
    ],
)
def test_an_event_looked_forward_to_is_still_ahead(lang, text, expected):
    assert _events(lang, text) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "King Charles and Queen Camilla pose during a welcome ceremony with President "
            "Steinmeier at the Brandenburg Gate in Berlin.",
        ),
        ("de", "Vor dem Brandenburger Tor gab es eine Begrüßungszeremonie für König Charles."),
    ],
)
def test_a_welcome_ceremony_is_an_arrival(lang, text):
    rows = _table(lang, text, published="2023-03-29 18:00")
    assert "arrival" in set(rows.event_type)


@pytest.mark.parametrize(
    "text",
    [
        # the reception of a guest, as a noun with the guest in the genitive
        "Die Kanzlerin sprach beim Empfang ihres finnischen Kollegen im Kanzleramt.",
        # ... with the guest after the article, his title or hers
        "Die Kanzlerin zitterte beim Empfang des estnischen Regierungschefs im Kanzleramt.",
        "Der Kanzler hatte den Empfang der litauischen Präsidentin im Sitzen absolviert.",
        # ... or the guest taken "in Empfang"
        "Der Premier wurde am Bahnhof vom Präsidenten in Empfang genommen.",
        # the honours a guest is received with, with no reception verb the lexicon knows
        "Der König wird den Gast am Mittag mit militärischen Ehren am Schloss grüßen.",
        "Der Premier begleitete seinen Gast mit allen militärischen Ehren in den Palast.",
    ],
)
def test_a_reception_of_a_guest_or_with_honours_is_an_arrival(text):
    rows = _table("de", text, published="2023-03-29 18:00")
    assert "arrival" in set(rows.event_type)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # setting off for another town or country, and the way home begun, are departures
        ("Die Kanzlerin wird am Freitagmorgen von Oslo aus nach Helsinki aufbrechen.", "announced"),
        ("Nach dem Empfang im Rathaus brach der Präsident nach Lissabon auf.", "occurred"),
        ("Der Premier bricht am Donnerstag zu einem Staatsbesuch nach Madrid auf.", "announced"),
        ("Am Abend wird die Präsidentin den Heimflug antreten.", "announced"),
        ("Der König hat nach dem Bankett die Heimkehr angetreten.", "occurred"),
    ],
)
def test_setting_off_for_a_place_or_home_is_a_departure(text, status):
    rows = _table("de", text, published="2023-03-29 08:00")
    departures = rows[rows.event_type == "departure"]
    assert list(departures.status) == [status]


@pytest.mark.parametrize(
    "text",
    [
        # the way home still ahead, its infinitive at the clause's end: announced whatever
        # the modal before it, and whatever "nach dem" tells of when it will be
        "Die Kanzlerin will am Abend von Oslo nach Berlin zurückkehren.",
        "Wegen der Haushaltskrise wollte der Präsident direkt nach dem Gipfel nach Lissabon "
        "zurückkehren.",
        "Der Premier besucht Polen, von wo aus er am Freitag wieder nach Madrid zurückkehren "
        "möchte.",
        "Der Präsident werde nach dem Treffen in Oslo nicht weiterreisen, sondern nach Lissabon "
        "zurückkehren.",
        "Die Kanzlerin verkürzt ihre Reise, um rechtzeitig nach Berlin zurückzukehren.",
    ],
)
def test_the_way_home_still_ahead_is_an_announced_departure(text):
    rows = _table("de", text, published="2023-03-29 08:00")
    departures = rows[rows.event_type == "departure"]
    assert list(departures.status) == ["announced"]


def test_a_return_to_no_town_or_country_is_no_departure():
    # "zurückkehren" with no place by name: a return to a life, a post, a subject
    rows = _table(
        "de",
        "Der Präsident sagte, die Flüchtlinge könnten bald in ihr altes Leben zurückkehren.",
        published="2023-03-29 08:00",
    )
    assert "departure" not in set(rows.event_type)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a separable verb's particle closes its clause however long the middle field the
        # verb bracket frames: an arrival, not a meeting ("traf" alone)
        (
            "Am Sonntag traf die Kanzlerin per Hubschrauber auf dem kleinen Flugplatz des "
            "Golfclubs am Rande der Altstadt in der Nähe der Hauptstadt Oslo ein.",
            {("arrival", "occurred")},
        ),
        (
            "Nach dem Gipfel in Lissabon trifft der Präsident am Abend beim Treffen der "
            "Staatengemeinschaft der Region in der nördlichen Hauptstadt des Landes Oslo ein.",
            {("arrival", "occurred")},
        ),
        # ... but a long gap crosses no sentence's end: "ein" of the next sentence closes
        # nothing the first one opened
        (
            "Die Kanzlerin will in Oslo den Präsidenten treffen. Auch ein Abendessen mit der "
            "Königin wird erwartet, das der Palast als Höhepunkt des Besuchs in der Stadt für "
            "einen »Tag der Freundschaft« ankündigt.",
            {("talks", "announced")},
        ),
    ],
)
def test_a_separable_particle_closes_a_long_middle_field(text, expected):
    assert _events("de", text, published="2023-03-29 08:00") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # heading or going home, in any of the verb's forms, is a departure
        ("The chancellor will head home after the dinner in Oslo.", [("departure", "announced")]),
        (
            "The prime minister will return home from Lisbon on Friday.",
            [("departure", "announced")],
        ),
        # ... and so is boarding the plane that takes the traveller away
        (
            "After the talks in Lisbon the president left at once to board Air Force One.",
            [("departure", "occurred")],
        ),
        (
            "The chancellor boarded her plane in Oslo on Monday evening.",
            [("departure", "occurred")],
        ),
        # a place on board a plane is no boarding of it
        ("The premier spoke to reporters on board Air Force One on Monday.", []),
    ],
)
def test_heading_home_or_boarding_the_plane_is_a_departure(text, expected):
    rows = _table("en", text, published="2023-03-29 08:00")
    departures = rows[rows.event_type == "departure"]
    assert list(zip(departures.event_type, departures.status, strict=True)) == expected


def test_setting_off_for_a_drive_in_town_is_no_departure():
    # "aufbrechen" with no town or country to go to: a drive, not leaving the place
    rows = _table(
        "de",
        "Der Präsident empfing die Kanzlerin am Flughafen. Anschließend brachen beide gemeinsam "
        "zu einer Rundfahrt durch die Altstadt auf.",
        published="2023-03-29 18:00",
    )
    assert "departure" not in set(rows.event_type)


def test_to_rely_on_someone_is_no_departure():
    # "sich auf ... verlassen" is to rely on, not to leave
    rows = _table(
        "de",
        "Bundeskanzler Olaf Scholz traf Präsident Emmanuel Macron am Montag in Paris. Die "
        "Nachbarn sollten sich in der Energiepolitik vor allem auf Norwegen verlassen.",
        published="2023-07-11 18:00",
    )
    assert "talks" in set(rows.event_type)
    assert "departure" not in set(rows.event_type)


def test_a_relative_day_counts_from_the_printed_day_of_a_date_only_report() -> None:
    # a paper that prints only "12 April" tells the landing of "yesterday": the 11th, as the
    # writer counted, though the story's day (the talks "on Wednesday") is the 12th and the
    # place's zone would allow it
    table = _tables(
        "en",
        {
            "landed": (
                "Mr Sunak met Biden on the tarmac in Belfast yesterday when he landed from the US.",
                "2023-04-12",
            ),
            "talks": (
                "Biden and Sunak held talks in Belfast on Wednesday morning.",
                "2023-04-12 18:00",
            ),
        },
    )
    arrival = table[(table.report_id == "landed") & (table.event_type == "arrival")]
    assert arrival.date.tolist() == [dt.date(2023, 4, 11)]


@pytest.mark.parametrize(
    ("lang", "text", "status"),
    [
        # a future word that tells what the talks are about says nothing of whether they took
        # place: the report's other sentence does
        (
            "en",
            "The Danish and Chilean presidents met in Oslo on Tuesday. "
            "Their talks were expected to focus on fisheries and copper.",
            "occurred",
        ),
        (
            "de",
            "Die Präsidentin Dänemarks traf am Dienstag in Oslo den chilenischen Präsidenten. "
            "In dem Gespräch soll es vor allem um Fischerei gehen.",
            "occurred",
        ),
        # ... and one still to come stays so
        (
            "en",
            "The Danish and Chilean presidents will meet in Oslo on Friday. "
            "Their talks will focus on fisheries and copper.",
            "announced",
        ),
        # alone, such a sentence keeps its future word
        ("en", "Their talks will also focus on fisheries and copper.", "announced"),
    ],
)
def test_a_future_word_about_what_talks_cover_leaves_their_status_to_the_report(lang, text, status):
    assert {s for kind, s in _events(lang, text, "2023-05-17 08:00") if kind == "talks"} == {status}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the main clause's future told in reported speech: what comes before it is still
        # ahead too
        (
            "Nach ihrem Treffen würden die Präsidentinnen eine gemeinsame Erklärung abgeben, "
            "sagte ein Sprecher.",
            {("talks", "announced")},
        ),
        (
            "Nach dem Treffen der Präsidentinnen sei ein Abendessen geplant.",
            {("talks", "announced")},
        ),
        # told in the indicative of the past, it took place
        (
            "Nach ihrem Gespräch traten die beiden Präsidentinnen vor die Presse.",
            {("talks", "occurred"), ("press_statement", "occurred")},
        ),
    ],
)
def test_a_main_clause_ahead_in_reported_speech_keeps_what_precedes_it_ahead(text, expected):
    assert _events("de", text, "2023-05-17 08:00") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # in German, names in apposition between commas part no clause: the verb after them,
        # and the auxiliary before them, frame the trigger's clause
        (
            "de",
            "Die Kanzlerin werde am Montag mit den Regierungschefinnen von Dänemark und "
            "Finnland, Mette Frederiksen und Sanna Marin, zusammenkommen, teilte ein Sprecher "
            "mit.",
            {("talks", "announced")},
        ),
        (
            "de",
            "Der Präsident wird nach Angaben seines Sprechers mit dem Regierungschef Kanadas, "
            "Justin Trudeau, ein Treffen abhalten.",
            {("talks", "announced")},
        ),
        # told in the past, it took place
        (
            "de",
            "Der Kanzler hatte am Montag mit dem Regierungschef von Dänemark, Lars Løkke "
            "Rasmussen, telefoniert.",
            {("phone_call", "occurred")},
        ),
        # a clause of its own after the names: its future is not the trigger's
        (
            "de",
            "Das Treffen mit dem Präsidenten, Emmanuel Macron, der am Dienstag nach Berlin "
            "reisen wird, war kurz.",
            {("talks", "occurred")},
        ),
    ],
)
def test_names_in_apposition_leave_the_clause_whole_for_its_status(lang, text, expected):
    assert _events(lang, text, "2021-06-17 08:00") == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a joint sitting of two governments is a meeting of their leaders
        ("en", "On Tuesday Scholz and Macron chaired a joint Council of Ministers in Paris."),
        ("de", "Scholz und Macron leiteten am Dienstag den deutsch-französischen Ministerrat."),
        ("de", "Scholz war im Mai zu deutsch-indischen Regierungskonsultationen in Berlin."),
    ],
)
def test_a_joint_sitting_of_two_governments_is_talks(lang, text):
    assert ("talks", "occurred") in _events(lang, text, "2023-05-20")


@pytest.mark.parametrize(
    ("lang", "text", "words"),
    [
        (
            "en",
            "Chancellor Olaf Scholz and President Emmanuel Macron held three hours of talks in "
            "Paris on Tuesday.\n\n"
            "Polish Prime Minister Donald Tusk said the three leaders had found common ground.\n\n"
            "“By the end of the year we want a joint plan. It will cover energy and defence,” he "
            "said in a press conference after the meeting.",
            "joint plan",
        ),
        (
            "de",
            "Bundeskanzler Olaf Scholz und Präsident Emmanuel Macron führten am Dienstag in Paris "
            "drei Stunden lang Gespräche.\n\n"
            "Polens Ministerpräsident Donald Tusk sagte, die drei hätten eine gemeinsame Linie "
            "gefunden.\n\n"
            "„Bis zum Jahresende wollen wir einen gemeinsamen Plan. Er wird Energie und "
            "Verteidigung umfassen“, sagte er auf einer Pressekonferenz nach dem Treffen.",
            "gemeinsamen Plan",
        ),
    ],
)
def test_a_quotation_running_over_sentences_is_the_statement_it_closes_in(lang, text, words):
    """A quotation that opens a sentence and closes in the next, which tells its speaker
    speaking at a news conference, is that statement's, not the talks told before."""
    table = _table(lang, text)
    owners = {
        row.event_type for row in table.itertuples() for q in row.quotes if words in q["text"]
    }
    assert owners == {"press_statement"}


@pytest.mark.parametrize(
    ("lang", "text", "apart"),
    [
        (
            "en",
            "Earlier in the day, Lavrov met with Indian Foreign Minister Subrahmanyam Jaishankar.",
            True,
        ),
        ("de", "Zuvor traf Lawrow den indischen Außenminister Subrahmanyam Jaishankar.", True),
        (
            "en",
            "Lavrov and Indian Foreign Minister Subrahmanyam Jaishankar took part in the meeting.",
            False,
        ),
        (
            "en",
            "The talks began first in a small format with Lavrov and Indian Foreign Minister"
            " Subrahmanyam Jaishankar.",
            False,
        ),
        (
            "de",
            "An dem Treffen nahmen Lawrow und Außenminister Subrahmanyam Jaishankar teil.",
            False,
        ),
        # "nahmen auch ... teil": the meeting told before, one row with the leaders
        (
            "de",
            "An dem Treffen nahmen auch Lawrow und Außenminister Subrahmanyam Jaishankar teil.",
            None,
        ),
    ],
)
def test_ministers_of_both_sides_meet_apart_unless_they_join_the_leaders(lang, text, apart) -> None:
    """A meeting naming only the leaders' officials is the leaders' one, but not when officials
    of both sides meet each other beside the summit with no format or joining word."""
    opening = {"en": "Putin and Modi met in New Delhi on Monday. ", "de": "Putin und Modi trafen"}
    opening["de"] += " sich am Montag in Neu-Delhi. "
    table = _table(lang, opening[lang] + text, "2021-12-07 08:00")
    ministers = [set(a) for a in table.actors if "Lavrov" in a]
    if apart is None:
        talks = table[table.event_type == "talks"]
        assert ministers == [] and len(talks) == 1 and len(talks.iloc[0].evidence) == 2
        return
    expected = {"Lavrov", "Jaishankar"} | (set() if apart else {"Putin", "Modi"})
    assert ministers == [expected]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "WASHINGTON (Wire) - Obama and Rouhani spoke by phone on Friday. "
            "The call took place at 2:30 p.m. and lasted about 15 minutes.",
        ),
        (
            "de",
            "WASHINGTON (Agentur) - Obama und Rohani telefonierten am Freitag. "
            "Das Telefonat fand um 14.30 Uhr statt und dauerte etwa 15 Minuten.",
        ),
    ],
)
def test_a_clock_told_later_times_the_event_a_sentence_before_dated(lang, text):
    # the call dated in the lead and timed in the next sentence is one call, at 2:30 p.m.
    rows = _table(lang, text, "2013-09-28 10:00-04:00")
    calls = rows[rows.event_type == "phone_call"]
    assert len(calls) == 1
    assert calls.iloc[0].start.strftime("%Y-%m-%d %H:%M") == "2013-09-27 14:30"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "GENF (Agentur) - Biden und Putin werden am Freitag in Genf zusammenkommen. "
            "Das Treffen beginnt um 13 Uhr Ortszeit.",
        ),
        (
            "en",
            "GENEVA (Wire) - Biden and Putin will meet in Geneva on Friday. "
            "The talks are due to begin at 1 p.m. local time.",
        ),
    ],
)
def test_the_clock_another_sentence_gives_a_meeting_to_come_starts_it_on_its_day(lang, text):
    rows = _table(lang, text, "2021-06-16 08:00+02:00")
    talks = rows[rows.event_type == "talks"]
    assert len(talks) == 1
    row = talks.iloc[0]
    assert row.status == "announced"
    # the day is the one the first sentence names; the clock of the second only starts it
    assert row.date == dt.date(2021, 6, 18)
    assert row.start.strftime("%Y-%m-%d %H:%M") == "2021-06-18 13:00"


@pytest.mark.parametrize(
    ("lang", "text", "published"),
    [
        (
            "de",
            "Liveticker: Der König in Berlin\n\n"
            "+++ 18:42 So empfängt der Kanzler seinen Gast +++\n\n"
            "Der spanische König Felipe ist am Kanzleramt eingetroffen. "
            "Kanzler Scholz empfing ihn an der Treppe.\n\n"
            "+++ 18:05 Schaulustige warten +++\n\n"
            "Vor dem Kanzleramt stehen Schaulustige.\n",
            "2023-03-29 22:00+02:00",
        ),
        (
            "de",
            "Liveticker: Der König in Berlin\n\n"
            "18:42 Uhr: Der Kanzler wartet vor dem Kanzleramt. "
            "Der spanische König Felipe ist am Kanzleramt eingetroffen. "
            "Kanzler Scholz empfing ihn an der Treppe.\n\n"
            "18:05 Uhr: Vor dem Kanzleramt stehen Schaulustige.\n",
            "2023-03-29 22:00+02:00",
        ),
        (
            "en",
            "Live updates: The king in Washington\n\n"
            "6:42 p.m.: The president is waiting at the South Portico. "
            "Spain's King Felipe has arrived at the White House. "
            "President Biden greeted him on the steps.\n\n"
            "6:05 p.m.: Crowds are gathering outside the gates.\n",
            "2023-03-29 22:00-04:00",
        ),
    ],
)
def test_a_clock_opening_a_live_blog_entry_stamps_the_entry(lang, text, published):
    # the stamp that opens the entry ("+++ 18:42 ... +++", "18:42 Uhr: ...") times what the
    # entry tells as it happens, though no sentence of it names a clock of its own
    rows = _table(lang, text, published)
    arrivals = rows[rows.event_type == "arrival"]
    assert len(arrivals) >= 1
    assert {r.start.strftime("%H:%M") for r in arrivals.itertuples()} == {"18:42"}


def test_a_live_blog_stamp_does_not_time_an_event_still_to_come():
    # the stamp tells when the entry was written, not when the meeting it announces begins
    text = (
        "Liveticker: Der König in Berlin\n\n"
        "16:45 Uhr: Der König fliegt nach Paris weiter. "
        "Dort wird er am Abend mit Präsident Macron zusammentreffen.\n"
    )
    rows = _table("de", text, "2023-03-29 22:00+02:00")
    talks = rows[rows.event_type == "talks"]
    assert len(talks) == 1
    assert talks.iloc[0].status == "announced"
    assert talks.iloc[0].start is None or pd.isna(talks.iloc[0].start)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Biden and Putin held talks in Geneva on Wednesday. Every time they meet, the "
            "guest is welcomed by the host at the airport.",
        ),
        (
            "en",
            "Biden and Putin held talks in Geneva on Wednesday. Whenever the two leaders "
            "meet, their aides travel to the venue a week earlier.",
        ),
        (
            "de",
            "Biden und Putin führten am Mittwoch in Genf Gespräche. Seit Jahren ist es "
            "üblich, dass der Gastgeber den Gast mit einem Staatsbankett empfängt.",
        ),
        (
            "de",
            "Biden und Putin führten am Mittwoch in Genf Gespräche. Jedes Mal, wenn Macron "
            "Berlin besucht, gibt es ein Abendessen im Kanzleramt.",
        ),
        # a quantifier over occasions: the occasion after it is what is usual, not one event
        (
            "en",
            "Biden and Putin held talks in Geneva on Wednesday. For each dinner, Emmanuel "
            "Macron plans the evening with his chef.",
        ),
        (
            "de",
            "Biden und Putin führten am Mittwoch in Genf Gespräche. Bei jedem Treffen "
            "empfängt Scholz den Gast im Kanzleramt.",
        ),
    ],
)
def test_a_sentence_telling_what_is_usual_tells_no_event(lang: str, text: str):
    # what is customary or happens whenever they meet is no event of the report
    table = _table(lang, text)
    assert list(table.event_type) == ["talks"], list(
        zip(table.event_type, table.sentence, strict=True)
    )


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a verb of welcoming whose object is a thing, not a guest: no arrival, whatever stands
        # between the verb and the thing (a possessive, an adjective, an inverted subject)
        ("en", "Trudeau welcomed Ottawa's decision on Friday to lift the tariffs.", set()),
        ("en", "Trudeau welcomed the latest ceasefire in Gaza on Friday.", set()),
        ("de", "Scholz begrüßte die jüngste Einigung der Minister am Montag.", set()),
        ("de", "In Oslo begrüßte der Regierungschef den Schritt der Nachbarn.", set()),
        ("de", "Scholz hat die neue Vereinbarung am Montag begrüßt.", set()),
        # a text the sides agreed on or signed is a thing too
        ("en", "Trudeau welcomed the joint declaration on Friday.", set()),
        ("en", "The premier welcomed the new defence treaty in Oslo.", set()),
        ("de", "Scholz begrüßte die gemeinsame Abschlusserklärung am Montag.", set()),
        ("de", "Die Ministerin begrüßte ausdrücklich die neue Schutzklausel.", set()),
        # the guest named first is welcomed, and a guest is still welcomed alone
        (
            "en",
            "Biden welcomed Trudeau and his plan at the White House on Friday.",
            {("arrival", "occurred")},
        ),
        ("de", "Scholz begrüßte Macron am Montag im Kanzleramt.", {("arrival", "occurred")}),
    ],
)
def test_a_verb_of_welcoming_that_takes_a_thing_tells_no_arrival(lang, text, expected):
    assert _events(lang, text) == expected


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # "love for each other" names no occasion: the meeting told after it stays
        (
            "Biden and Putin held talks in Geneva on Wednesday. They have great respect for each "
            "other, and they will hold talks in Rome on Friday.",
            ["talks", "talks"],
        ),
        # "as he does whenever he meets": the arrival told before the habitual clause stays
        (
            "Biden and Putin held talks in Geneva on Wednesday. Putin arrived late in Geneva on "
            "Wednesday, as he does whenever he meets Western leaders.",
            ["arrival", "talks"],
        ),
    ],
)
def test_what_is_usual_drops_only_the_events_from_its_word_on(text: str, types: list[str]):
    table = _table("en", text)
    assert sorted(table.event_type) == types, list(
        zip(table.event_type, table.sentence, strict=True)
    )


def test_a_preposition_of_time_governs_its_own_noun_not_the_phrase_after_it():
    # "nach dem Gipfel" governs the summit; "eine Videokonferenz" opens a phrase of its own,
    # as far ahead as the clause's "werde"
    rows = _table(
        "de",
        "Die Präsidentin werde nach dem Gipfel eine Videokonferenz mit dem dänischen Premier "
        "abhalten, teilte ihr Büro mit.",
    )
    assert list(zip(rows.event_type, rows.status, strict=True)) == [("phone_call", "announced")]


def test_a_preposition_of_time_governs_no_phrase_after_a_break_word():
    # "after" governs "their talks" (read as past); "and attend a state dinner" is a verb
    # phrase of its own, as far ahead as the clause it is joined to
    rows = _table(
        "en",
        "Lula and Macron are expected to sign a declaration after their talks and attend a "
        "state dinner at the Elysee later in the evening.",
        published="2024-03-27 08:00",
    )
    assert sorted(rows.status) == ["announced", "occurred"]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a leader's spouse named beside the leader shares the welcome, not the talks
        (
            "en",
            "President Biden and first lady Jill Biden landed in Rome on Friday. "
            "Biden then held talks with Meloni.",
            {"arrival": ["Biden", "Jill Biden"], "talks": ["Biden", "Meloni"]},
        ),
        (
            "de",
            "Macron und seine Frau Brigitte Macron sind am Montag in Berlin gelandet. "
            "Anschließend traf Macron den Kanzler Scholz zu Gesprächen.",
            {"arrival": ["Macron", "Brigitte Macron"], "talks": ["Macron", "Scholz"]},
        ),
        # a couple named with one surname names the leader too
        (
            "en",
            "Emmanuel and Brigitte Macron arrived in Washington on Monday.",
            {"arrival": ["Macron", "Brigitte Macron"]},
        ),
        # a leader's surname in the plural after an article names the couple; a genitive
        # names the leader alone
        (
            "en",
            "Biden met Macron on Thursday. On Friday the Macrons visited a war cemetery in "
            "Virginia.",
            {"talks": ["Biden", "Macron"], "visit": ["Macron", "Brigitte Macron"]},
        ),
        (
            "de",
            "Biden traf Macron am Donnerstag. Am Freitag besuchten die Macrons einen "
            "Soldatenfriedhof in Virginia.",
            {"talks": ["Biden", "Macron"], "visit": ["Macron", "Brigitte Macron"]},
        ),
        (
            "de",
            "Biden traf Macron am Donnerstag. Am Freitag besuchte Macrons Delegation einen "
            "Soldatenfriedhof in Virginia.",
            {"talks": ["Biden", "Macron"], "visit": ["Macron"]},
        ),
        # named by a word for the spouse, without a name: the spouse of the person before it
        (
            "de",
            "Macron und seine Frau sind am Montag in Washington gelandet.",
            {"arrival": ["Macron", "Brigitte Macron"]},
        ),
        (
            "en",
            "The president and the first lady arrived in Tokyo on Sunday.",
            {"arrival": ["Biden", "Jill Biden"]},
        ),
        # a spouse named without the leader acts on their own: the host of a welcome
        (
            "en",
            "Scholz was welcomed by Brigitte Macron at the Elysee on Friday.",
            {"arrival": ["Scholz", "Brigitte Macron"]},
        ),
        # the spouse's first name before the leader's full name names the spouse too
        (
            "de",
            "Brigitte und Emmanuel Macron sind am Montag in Washington gelandet.",
            {"arrival": ["Macron", "Brigitte Macron"]},
        ),
        # a relative's possessive before the word for the spouse ("und dessen Ehefrau")
        (
            "de",
            "Selenskyj wurde am Mittwoch von Joe Biden und dessen Ehefrau Jill vor dem Weißen "
            "Haus empfangen.",
            {"arrival": ["Zelensky", "Biden", "Jill Biden"]},
        ),
        # a meal of the leaders is shared by the spouses named beside them, unlike the talks
        (
            "en",
            "Biden and his wife Jill Biden hosted Macron and his wife Brigitte Macron for a "
            "state dinner at the White House on Thursday.",
            {"talks": ["Biden", "Jill Biden", "Macron", "Brigitte Macron"]},
        ),
        (
            "de",
            "Biden und seine Frau Jill Biden gaben am Donnerstag ein Abendessen für Macron und "
            "seine Frau Brigitte Macron.",
            {"talks": ["Biden", "Jill Biden", "Macron", "Brigitte Macron"]},
        ),
    ],
)
def test_a_leaders_spouse_takes_part_in_the_welcome_not_the_talks(lang, text, expected):
    table = _table(lang, text)
    found = {kind: sorted(table.query("event_type == @kind").actors.sum()) for kind in expected}
    assert found == {kind: sorted(actors) for kind, actors in expected.items()}


def test_the_people_a_statement_reports_on_take_no_part_in_it() -> None:
    meeting = "Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Monday. "
    told = (
        "After the talks, Scholz told reporters that the two leaders wanted Vladimir Putin to "
        "withdraw his troops."
    )
    joint = "At a joint press conference, Macron told reporters Putin had to choose peace."
    people = []
    for text in (meeting + told, meeting + joint):
        table = _table("en", text, published="2022-02-07 20:00")
        statements = table[table.event_type == "press_statement"]
        people.append([sorted(a) for a in statements.actors])
    # the two leaders and Putin, named in what Scholz told reporters, are no party to his
    # statement; Putin, named in what Macron told them, none to the joint press conference
    assert people == [[["Scholz"]], [["Macron", "Scholz"]]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a photo caption's word of where a person stands bounds no clause
        (
            "Chancellor Olaf Scholz, left, and President Emmanuel Macron lay a wreath at the "
            "war memorial in Verdun on Tuesday.",
            [["Macron", "Scholz"]],
        ),
        (
            "Chancellor Olaf Scholz, second from right, is welcomed by President Emmanuel "
            "Macron upon arriving at the town hall in Verdun on Tuesday.",
            [["Macron", "Scholz"]],
        ),
    ],
)
def test_a_caption_position_keeps_its_person_in_the_clause(text, expected) -> None:
    table = _table("en", text, published="2023-05-10 20:00")
    rows = table[table.event_type.isin(["visit", "arrival"])]
    assert [sorted(a) for a in rows.actors] == expected


def test_a_relative_clause_tells_of_other_people_than_the_journey() -> None:
    text = (
        "Präsident Emmanuel Macron, der am Morgen in Berlin Gespräche mit Bundeskanzler Olaf "
        "Scholz geführt hatte, traf am Abend mit Verspätung in Rom ein."
    )
    table = _table("de", text, published="2023-05-10 20:00")
    arrival = table[table.event_type == "arrival"]
    # Scholz, named only in the relative clause about Macron's morning, made no journey
    assert [sorted(a) for a in arrival.actors] == [["Macron"]]


@pytest.mark.parametrize(
    ("lang", "text", "rows"),
    [
        # a meeting told as of three sides and two of its people's bilateral talks: two rows
        (
            "en",
            "Lula hosted a trilateral meeting with Ramaphosa and Modi on Wednesday. "
            "Later, Lula held bilateral talks with Modi.",
            [("Lula", "Modi", "Ramaphosa"), ("Lula", "Modi")],
        ),
        # also where it names only two of the three
        (
            "en",
            "Lula held three-way talks with Modi on Wednesday. "
            "Lula and Modi later held bilateral talks.",
            [("Lula", "Modi"), ("Lula", "Modi")],
        ),
        (
            "de",
            "Lula, Ramaphosa und Modi kamen am Mittwoch zu einem Dreiergespräch zusammen. "
            "Danach führten Lula und Modi bilaterale Gespräche.",
            [("Lula", "Modi", "Ramaphosa"), ("Lula", "Modi")],
        ),
        # "bilateral" alone is as often the ties of two countries a meeting discussed
        (
            "en",
            "Lula hosted a trilateral meeting with Ramaphosa and Modi on Wednesday. "
            "Lula and Modi discussed bilateral ties at the meeting.",
            [("Lula", "Modi", "Ramaphosa")],
        ),
        # a word counting sides that stands with another event tells nothing of the meeting
        (
            "en",
            "Lula met Modi on Wednesday on the sidelines of the trilateral summit. "
            "Lula and Modi held bilateral talks.",
            [("Lula", "Modi")],
        ),
    ],
)
def test_a_meeting_of_three_sides_is_not_two_of_its_people_on_their_own(lang, text, rows):
    """A meeting told as of three or more sides ("a trilateral meeting", "ein
    Dreiergespräch") and two of its people's talks told as theirs alone ("bilateral talks")
    are two meetings of one report, whoever each names (lexicon keys ``multilateral``,
    ``bilateral``); a word that stands elsewhere than right before the meeting word tells
    nothing of it."""
    table = _table(lang, text)
    talks = table[table.event_type == "talks"]
    assert sorted(tuple(sorted(a)) for a in talks.actors) == sorted(rows)


# A programme printed as lines or list items: (lang, text, expected (type, status, date) rows).
# Its items tell what the day holds in store, on the day its heading names; a live blog's stamps
# (newest first) and a list under another heading keep the status their verbs give.
PROGRAMMES = [
    (
        "en",
        "Ruritania hosts the chancellor\n\nSaturday, March 14\n\n"
        "10:00 am to 11:00 am: Welcome ceremony with military honours at the palace.\n\n"
        "11:00 am to 12:30 pm: Talks between the two leaders, followed by a working lunch.\n",
        [
            ("arrival", "announced", dt.date(2020, 3, 14)),
            ("talks", "announced", dt.date(2020, 3, 14)),
            ("talks", "announced", dt.date(2020, 3, 14)),
        ],
    ),
    (
        "de",
        "Der Kanzler in Ruritanien\n\nSamstag, 14. März\n\n"
        "10.00 Uhr: Empfang mit militärischen Ehren\n\n"
        "11.00 Uhr: Gespräch der beiden Staatschefs\n\n13.00 Uhr: Pressekonferenz\n",
        [
            ("arrival", "announced", dt.date(2020, 3, 14)),
            ("press_statement", "announced", dt.date(2020, 3, 14)),
            ("talks", "announced", dt.date(2020, 3, 14)),
        ],
    ),
    (
        "en",
        "Live: the summit\n\n18:40: The two leaders met for talks in the palace.\n\n"
        "18:15: The president arrived at the palace.\n",
        [
            ("arrival", "occurred", dt.date(2020, 3, 12)),
            ("talks", "occurred", dt.date(2020, 3, 12)),
        ],
    ),
    (
        "en",
        "The president in Ruritania\n\nHere is the schedule for the second day of the visit:\n\n"
        "• Meets the prime minister at the parliament\n• Holds a news conference at noon\n",
        [("press_statement", "announced", None), ("talks", "announced", None)],
    ),
    (
        "en",
        "The president in Ruritania\n\nKey points of the visit:\n\n"
        "• Meets the prime minister at the parliament\n• Holds a news conference at noon\n",
        [("press_statement", "occurred", None), ("talks", "occurred", None)],
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), PROGRAMMES)
def test_the_lines_of_a_programme_tell_what_the_day_holds(lang, text, expected):
    table = _table(lang, text, "2020-03-13 08:00")
    got = sorted(
        (r.event_type, r.status, r.date if expected[0][2] else None) for r in table.itertuples()
    )
    assert got == sorted(expected)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Scholz will hold talks with Lula and Ramaphosa on Monday and with Albanese "
            "on Tuesday.",
        ),
        (
            "de",
            "Scholz wird Gespräche mit Lula und Ramaphosa am Montag und mit Albanese am Dienstag "
            "führen.",
        ),
    ],
)
def test_each_part_of_a_list_of_meetings_keeps_its_own_day(lang, text):
    """Meetings told one by one ("with A and B on Monday and with C on Tuesday") each take the
    day named in their own part of the clause, not the first day of the sentence (found in
    bricskazan24-scandals-en: the meetings of Wednesday were dated Tuesday)."""
    table = _table(lang, text, "2024-06-07 08:00")  # a Friday
    days = {row.actors[-1]: row.date for row in table.itertuples() if row.event_type == "talks"}
    assert days == {
        "Lula": dt.date(2024, 6, 10),
        "Ramaphosa": dt.date(2024, 6, 10),
        "Albanese": dt.date(2024, 6, 11),
    }


def test_a_morning_paper_east_of_its_zone_tells_the_evening_before_as_another_report_states():
    # a paper that prints only its day (17 March, in UTC) covers the 17th and the 18th in
    # Tokyo; the talks it tells with no day were held the day before, as the other report says,
    # though that report also tells of the 17th
    table = _tables(
        "en",
        {
            "morning": (
                "South Korean President Yoon Suk Yeol and Japanese Prime Minister Fumio Kishida "
                "held talks in Tokyo that lasted almost two hours.",
                "2023-03-17",
            ),
            "stated": (
                "Yoon Suk Yeol and Fumio Kishida held talks in Tokyo on March 16. On March 17, "
                "Kishida and Yoon visited a school in Tokyo.",
                "2023-03-17 21:00",
            ),
        },
    )
    talks = table[table.event_type == "talks"].set_index("report_id")
    assert talks.loc["morning"].date == dt.date(2023, 3, 16)
    assert talks.loc["morning"].date_source == "aligned"


@pytest.mark.parametrize(
    "text",
    [
        # a word of negation with an ending is another word ("noted", "Nord")
        "The chancellor noted that she had met the Chilean president in Valparaíso on Monday.",
        "The two presidents met in Valparaíso on Monday to discuss Nord Stream.",
    ],
)
def test_a_negation_word_with_an_ending_negates_nothing(text):
    assert _events("en", text) == {("talks", "occurred")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the bare verb before the guest's name is the greeting on arrival, ahead or told
        (
            "The king will welcome Chancellor Scholz at the palace in Madrid on Monday.",
            {("arrival", "announced")},
        ),
        (
            "The president and his wife welcome Prime Minister Kishida to the palace in Lisbon.",
            {("arrival", "occurred")},
        ),
        # a thing welcomed, the noun: no arrival
        ("The leaders in Oslo welcome Norway's decision to join the fund.", set()),
        ("Scholz thanked the hosts in Oslo for the welcome.", set()),
    ],
)
def test_welcome_before_a_name_is_a_greeting(text, expected):
    assert _events("en", text, published="2023-03-29 08:00") == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "Biden und Xi trafen sich am Montag auf Bali zu Gesprächen. Scholz war am Rande des"
            " Gipfels sowohl mit Biden als auch mit Xi zusammengekommen.",
        ),
        (
            "en",
            "Biden and Xi met in Bali on Monday for talks. On the sidelines of the summit, Scholz"
            " met with Biden and with Xi.",
        ),
    ],
)
def test_a_with_before_each_principal_tells_a_meeting_with_each(lang, text) -> None:
    """A clause that puts a "with" of its own before each one met tells a meeting with each,
    though both are the report's principals: Scholz met each of them, and their own talks
    keep only the two of them."""
    table = _table(lang, text, "2022-11-15 08:00")
    talks = {frozenset(a) for a in table[table.event_type == "talks"].actors}
    assert talks == {
        frozenset({"Biden", "Xi"}),
        frozenset({"Scholz", "Biden"}),
        frozenset({"Scholz", "Xi"}),
    }


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # people who are no leader asked or ordered to leave: a room cleared, no departure
        ("en", "Reporters were asked to leave the hall in Vienna on Friday.", set()),
        ("en", "Guards ordered the crowd to leave the square in Vienna on Friday.", set()),
        ("de", "Die Fotografen wurden am Freitag gebeten, den Saal in Wien zu verlassen.", set()),
        (
            "de",
            "Wachleute forderten die Zuschauer auf, den Platz in Wien am Freitag zu verlassen.",
            set(),
        ),
        # a leader asked to leave does leave
        (
            "en",
            "Biden was asked to leave the hall in Vienna on Friday.",
            {("departure", "occurred")},
        ),
    ],
)
def test_people_asked_to_leave_who_name_no_leader_tell_no_departure(lang, text, expected):
    assert _events(lang, text) == expected


@pytest.mark.parametrize(
    ("lang", "text", "rows"),
    [
        # a dinner still to come that its trigger names is an item of the programme of its own,
        # beside talks still to come told with no format
        (
            "en",
            "Kallas will meet the Finnish prime minister in Tallinn on Monday. A state dinner "
            "will be held at Kadriorg Palace.",
            2,
        ),
        (
            "de",
            "Die Kanzlerin wird am Montag in Rom mit Meloni sprechen. Am Abend ist ein "
            "Abendessen in der Villa Madama geplant.",
            2,
        ),
        # a dinner with the one met, right after the word, may be the pair's talks themselves
        (
            "en",
            "Kallas will meet the Finnish prime minister in Tallinn on Monday. The two will have "
            "dinner with each other's ministers.",
            1,
        ),
    ],
)
def test_a_dinner_still_to_come_is_an_item_of_the_programme_of_its_own(lang, text, rows):
    table = _table(lang, text, published="2021-06-17 08:00")
    talks = table.query("event_type == 'talks' and status == 'announced'")
    assert talks.event_id.nunique() == rows


@pytest.mark.parametrize(
    ("lang", "text", "dated", "undated"),
    [
        # a cue that opens the clause, before a comma, sets the item in the day's programme
        (
            "en",
            "Joe Biden and Vladimir Putin met in Geneva on 16 June 2021. "
            "Later, the two presidents will hold a joint press conference.",
            "press_statement",
            None,
        ),
        # ... but not a call its clause reports as said ("Later, Biden said ...")
        (
            "en",
            "Joe Biden and Vladimir Putin met in Geneva on 16 June 2021. "
            "Later, Biden said he would call Putin.",
            None,
            "phone_call",
        ),
        # the break word that ends the clause sets it beside the next item
        (
            "en",
            "Joe Biden and Vladimir Putin met in Geneva on 16 June 2021. "
            "The two presidents will hold a joint press conference before the evening ends.",
            "press_statement",
            None,
        ),
        (
            "de",
            "Joe Biden und Wladimir Putin trafen sich am 16. Juni 2021 in Genf. "
            "Die beiden Präsidenten wollen vor die Presse treten, bevor die Delegationen abreisen.",
            "press_statement",
            None,
        ),
    ],
)
def test_a_sequence_cue_at_the_edge_of_its_clause_sets_an_item_of_the_days_programme(
    lang, text, dated, undated
):
    """An item still to come that a sequence cue sets before or after another ("Later, ...",
    "... before ...") is of the day the report tells, in a report that prints no day."""
    report = parse_report(text, report_id="case", language=lang, published=None, outlet="Test")
    table = st.extract_events([report])
    rows = table[table.status == "announced"].set_index("event_type")
    if dated:
        assert rows.loc[dated].date == dt.date(2021, 6, 16)
    if undated:
        assert rows.loc[undated].date is None


def test_a_person_who_had_died_before_the_report_takes_part_in_nothing_it_tells() -> None:
    # the Queen died on 8 September 2022: a report written after that talks about her (her
    # funeral, tributes), though it names her as often as anyone; the journey is Trudeau's
    # alone, and so are the talks it names no one else for
    text = (
        "Trudeau flew to London on Saturday for Queen Elizabeth's funeral. "
        "Queen Elizabeth II reigned for 70 years. "
        "Tributes to Queen Elizabeth came from across the Commonwealth. "
        "On Sunday Trudeau held talks on trade."
    )
    table = _table("en", text, published="2022-09-18 20:00")
    people = {row.event_type: sorted(row.actors) for row in table.itertuples()}
    assert people == {"arrival": ["Trudeau"], "talks": ["Trudeau"]}
    assert "Elizabeth" not in " ".join(table.label)
    # a meeting dated in her lifetime is one she took part in
    recall = "Trudeau met Queen Elizabeth II at Balmoral on 12 June 2019."
    table = _table("en", recall, published="2022-09-18 20:00")
    assert sorted(table[table.event_type == "talks"].actors.iloc[0]) == [
        "Elizabeth II",
        "Trudeau",
    ]


@pytest.mark.parametrize(
    ("lang", "held", "further", "other"),
    [
        (
            "en",
            "Chancellor Olaf Scholz met President Emmanuel Macron in Lisbon on Thursday.",
            "Scholz will hold further bilateral talks on the margins of the summit.",
            "Scholz and Macron held talks in Lisbon on Thursday.",
        ),
        (
            "de",
            "Bundeskanzler Olaf Scholz hat am Donnerstag in Lissabon Präsident Emmanuel Macron"
            " getroffen.",
            "Am Rande des Gipfels wird Scholz weitere bilaterale Gespräche führen.",
            "Scholz und Macron haben am Donnerstag in Lissabon Gespräche geführt.",
        ),
    ],
)
def test_further_bilateral_talks_are_meetings_with_others(
    lang: str, held: str, further: str, other: str
) -> None:
    """Meetings told as several of two with others that the clause does not name ("will hold
    further bilateral talks", "wird weitere bilaterale Gespräche führen") are none of the
    meetings that other reports tell (``Mention.several_others``): not the talks of that person
    with the report's other principal that another report tells held, though that principal is
    taken as its side."""
    table = _tables(
        lang,
        {"a": (f"{held} {further}", "2021-06-17 08:00"), "b": (other, "2021-06-17 08:00")},
    )
    rows = table[table.sentence == further]
    assert len(rows) == 1
    pair = table[(table.report_id == "b") & (table.event_type == "talks")]
    assert len(pair) == 1
    assert pair.iloc[0].event_id != rows.iloc[0].event_id


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a party the leaders share, told by its noun, is their meeting
        (
            "Chancellor Olaf Scholz will attend a reception hosted by President Emmanuel Macron"
            " on Sunday.",
            {("talks", "announced")},
        ),
        (
            "President Emmanuel Macron will give a reception for Chancellor Olaf Scholz at the"
            " Elysee Palace on Sunday.",
            {("talks", "announced")},
        ),
        # ... not the reception a guest is given on arriving
        (
            "Chancellor Olaf Scholz was given a warm reception by President Emmanuel Macron in"
            " Paris on Tuesday.",
            set(),
        ),
        # sitting down with someone, still to come, is talks with them
        (
            "Chancellor Olaf Scholz is expected to sit down with President Emmanuel Macron on"
            " Friday.",
            {("talks", "announced")},
        ),
    ],
)
def test_a_reception_shared_and_sitting_down_with_someone_are_talks(text, expected):
    assert {e for e in _events("en", text) if e[0] == "talks"} == expected
