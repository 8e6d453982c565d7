# A Buildbot step for the test master: runs the repository's test suite and
# publishes each test's result to Buildbot's test results (what the bridge
# reads first), parsed from its `ok NAME` / `FAIL: NAME` lines.
import re

from twisted.internet import defer

from buildbot.process import buildstep, logobserver
from buildbot.util.test_result_submitter import TestResultSubmitter

LINE = re.compile(r'^(ok|FAIL:) (\S+)')


class TestSuite(buildstep.ShellMixin, buildstep.BuildStep):
    def __init__(self, **kwargs):
        kwargs = self.setupShellMixin(kwargs)
        super().__init__(**kwargs)
        self.observer = logobserver.BufferLogObserver()
        self.addLogObserver('stdio', self.observer)

    @defer.inlineCallbacks
    def run(self):
        cmd = yield self.makeRemoteShellCommand()
        yield self.runCommand(cmd)
        submitter = TestResultSubmitter()
        yield submitter.setup(self, 'run-tests.sh', 'pass_fail', 'boolean')
        for line in self.observer.getStdout().splitlines():
            match = LINE.match(line)
            if match:
                passed = '1' if match.group(1) == 'ok' else '0'
                submitter.add_test_result(passed, test_name=match.group(2))
        yield submitter.finish()
        return cmd.results()
