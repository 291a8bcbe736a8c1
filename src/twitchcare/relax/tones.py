"""Soft tones for the cues of a session, generated here (no recorded media is shipped or fetched).

Each cue has a pitch and a length; a tone is a sine wave with a slow fade in and out, so it marks
the change without startling. Returned as WAV bytes, which any audio player can play.
"""

from __future__ import annotations

import io
import math
import struct
import wave

RATE = 22_050
#: cue -> (frequency in Hz, seconds): higher for breathing in, lower for breathing out.
CUE_TONES: dict[str, tuple[float, float]] = {
    "inhale": (392.0, 0.9),
    "exhale": (261.6, 1.2),
    "hold": (329.6, 0.5),
    "tense": (440.0, 0.4),
    "release": (220.0, 1.2),
    "bell": (523.3, 2.5),
    "stretch": (349.2, 0.6),
    "rest": (293.7, 1.0),
}


def tone_wav(frequency: float, seconds: float, *, volume: float = 0.2, rate: int = RATE) -> bytes:
    """A mono 16-bit WAV of a sine tone that fades in and out (a quarter of its length each)."""
    if not 20 <= frequency <= 5_000 or not 0 < seconds <= 10 or not 0 < volume <= 1:
        raise ValueError("tone outside 20-5000 Hz, 0-10 s or volume 0-1")
    count = int(rate * seconds)
    fade = max(1, count // 4)
    frames = bytearray()
    for i in range(count):
        envelope = min(1.0, i / fade, (count - 1 - i) / fade)
        sample = volume * envelope * math.sin(2 * math.pi * frequency * i / rate)
        frames += struct.pack("<h", int(sample * 32_767))
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(bytes(frames))
    return out.getvalue()


def cue_wav(cue: str) -> bytes | None:
    """The tone for a cue, or None for a step without one."""
    if cue not in CUE_TONES:
        return None
    frequency, seconds = CUE_TONES[cue]
    return tone_wav(frequency, seconds)
