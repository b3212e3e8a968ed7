import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const F = 'FROM golang:1.23\n';

new RuleTester().run('go-packages-pinned', rule, {
  valid: [
    `${F}RUN go install golang.org/x/tools/gopls@v0.16.2 github.com/go-delve/delve/cmd/dlv@v1.23.1\n`,
    { name: 'local packages and files', code: `${F}RUN go install . && go install ./cmd/... && go run ../tools/gen.go && go run /src/cmd/app && go install tool\n` },
    { name: 'arguments after the package of go run', code: `${F}RUN go run github.com/swaggo/swag/cmd/swag@v1.16.3 init --dir ./api\n` },
    { name: 'go get with a version, flags with values', code: `${F}RUN go get -tool golang.org/x/tools/cmd/stringer@v0.26.0 && go install -ldflags "-s -w" ./cmd/app\n` },
  ],
  invalid: [
    {
      code: `${F}RUN go install golang.org/x/tools/gopls\n`,
      errors: [{ messageId: 'unpinned', data: { package: 'golang.org/x/tools/gopls' }, line: 2, column: 16, endLine: 2, endColumn: 40 }],
      output: null,
    },
    {
      name: '@latest, go get, go run',
      code: `${F}RUN go install honnef.co/go/tools/cmd/staticcheck@latest \\\n && go get -u github.com/lib/pq \\\n && go run github.com/a-h/templ/cmd/templ@upgrade generate\n`,
      errors: [
        {
          messageId: 'movingVersion',
          data: { package: 'honnef.co/go/tools/cmd/staticcheck@latest', name: 'honnef.co/go/tools/cmd/staticcheck', query: 'latest' },
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 57,
        },
        { messageId: 'unpinned', data: { package: 'github.com/lib/pq' }, line: 3, column: 15, endLine: 3, endColumn: 32 },
        {
          messageId: 'movingVersion',
          data: { package: 'github.com/a-h/templ/cmd/templ@upgrade', name: 'github.com/a-h/templ/cmd/templ', query: 'upgrade' },
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 50,
        },
      ],
      output: null,
    },
  ],
});
