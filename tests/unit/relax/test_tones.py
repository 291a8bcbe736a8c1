"""Generated cue tones: real WAV audio at the stated pitch, fading in and out."""

from __future__ import annotations

import io
import itertools
import struct
import wave

import pytest

from twitchcare.relax.tones import CUE_TONES, RATE, cue_wav, tone_wav


def _samples(data: bytes) -> tuple[list[int], int]:
    with wave.open(io.BytesIO(data)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
        frames = wav.readframes(wav.getnframes())
        return list(struct.unpack(f"<{len(frames) // 2}h", frames)), wav.getframerate()


@pytest.mark.parametrize("cue", sorted(CUE_TONES))
def test_each_cue_tone_has_its_pitch_and_length(cue: str) -> None:
    frequency, seconds = CUE_TONES[cue]
    data = cue_wav(cue)
    assert data is not None
    samples, rate = _samples(data)
    assert rate == RATE and len(samples) == int(RATE * seconds)
    crossings = sum(1 for a, b in itertools.pairwise(samples) if a < 0 <= b)
    assert crossings / seconds == pytest.approx(frequency, rel=0.05)


def test_a_tone_starts_and_ends_softly() -> None:
    samples, _rate = _samples(tone_wav(440.0, 1.0, volume=0.5))
    peak = max(abs(s) for s in samples)
    assert peak > 10_000
    assert max(abs(s) for s in samples[:50]) < peak / 10
    assert max(abs(s) for s in samples[-50:]) < peak / 10


def test_a_step_without_a_cue_has_no_tone_and_silly_tones_are_refused() -> None:
    assert cue_wav("no-such-cue") is None
    with pytest.raises(ValueError):
        tone_wav(5.0, 1.0)
