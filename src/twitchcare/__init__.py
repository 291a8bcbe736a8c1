"""twitchcare: "My muscles twitch - what should I do?" answered safely, with sources."""

__version__ = "0.1.0"
