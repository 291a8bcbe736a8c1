"""The assessment engine: facts in, triage level, ranked causes and a plan out, with reasons."""

from twitchcare.engine.assess import Assessment, assess

__all__ = ["Assessment", "assess"]
