# A stand-in for the `base` www plugin (the buildbot-www UI), which Debian does
# not package: Buildbot's web server needs one to mount its REST API under.
# It serves no UI; the Watchfloor bridge only uses /api/v2.
from buildbot.www.plugin import Application

ep = Application(__name__, "Watchfloor test stub (no UI)")
