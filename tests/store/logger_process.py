"""A child process that logs episodes and prints each id once it is acknowledged (committed).

Used by the durability tests: ``python logger_process.py NAME COUNT`` logs COUNT episodes (or
forever when COUNT is 0), alternating the store and the command-line fast path.
"""

from __future__ import annotations

import datetime as dt
import sys

from twitchcare.diary.episodes import add_episode
from twitchcare.diary.quicklog import parse_episode, record_episode
from twitchcare.store import open_store


def main(name: str, count: int) -> None:
    store = open_store()
    i = 0
    while count == 0 or i < count:
        note = f"{name}-{i}"
        if i % 2:
            new_id = record_episode(parse_episode(location="calf", note=note))
        else:
            episode = parse_episode(location="eyelid", note=note, now=dt.datetime.now(dt.UTC))
            new_id = add_episode(store, episode)
        print(f"{new_id} {note}", flush=True)
        i += 1
    store.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
