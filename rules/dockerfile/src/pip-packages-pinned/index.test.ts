import { RuleTester } from '@docmind-docker-lint/rule-tester';
import rule from './index.js';

const F = 'FROM python:3.12-slim\n';

new RuleTester().run('pip-packages-pinned', rule, {
  valid: [
    `${F}RUN pip install --no-cache-dir 'flask==3.0.3' 'requests>=2.32,<3' "django~=5.0" attrs!=23.1 numpy===2.0.0\n`,
    { name: 'requirements and constraints files decide the versions', code: `${F}RUN pip install -r requirements.txt && pip install --requirement=dev.txt flask && pip install -c constraints.txt flask\n` },
    { name: 'the project itself, folders, files and URLs', code: `${F}RUN pip install . && pip install ./libs/core dist/app-1.0-py3-none-any.whl app-1.0.tar.gz https://example.com/app.zip\n` },
    { name: 'VCS URLs with a ref', code: `${F}RUN pip install git+https://github.com/org/tool.git@v1.2.0#egg=tool git+ssh://git@github.com/org/lib.git@3f2c1a9\n` },
    { name: 'values of options are not packages', code: `${F}RUN pip install --index-url https://pypi.example.com/simple --target /opt/deps --root-user-action ignore flask==3.0.3\n` },
    { name: 'pipx --python value', code: `${F}RUN pipx install --python "$(which python3)" poetry==1.8.5\n` },
    { name: 'pipenv is another tool; other pip subcommands install nothing', code: `${F}RUN pipenv install black && pip download flask && pip uninstall -y flask\n` },
    { name: 'variables are unknown', code: `${F}RUN pip install "$PACKAGES" "flask==\${FLASK_VERSION}"\n` },
  ],
  invalid: [
    {
      code: `${F}RUN pip install --no-cache-dir flask==3.0.3 requests\n`,
      errors: [{ messageId: 'unpinned', data: { package: 'requests', pin: 'requests==<version>' }, line: 2, column: 45, endLine: 2, endColumn: 53 }],
      output: null,
    },
    {
      name: 'pip3, python -m pip, pipx, --upgrade pip, option=value',
      code: `${F}RUN pip3 install --upgrade pip \\\n && python3 -m pip install --root-user-action=ignore 'uvicorn[standard]' \\\n && pipx install black\n`,
      errors: [
        { messageId: 'unpinned', data: { package: 'pip', pin: 'pip==<version>' }, line: 2, column: 28, endLine: 2, endColumn: 31 },
        { messageId: 'unpinned', data: { package: 'uvicorn[standard]', pin: 'uvicorn[standard]==<version>' }, line: 3, column: 54, endLine: 3, endColumn: 73 },
        { messageId: 'unpinned', data: { package: 'black', pin: 'black==<version>' }, line: 4, column: 18, endLine: 4, endColumn: 23 },
      ],
      output: null,
    },
    {
      name: 'VCS URL without a ref (a user name before the host is no ref), ONBUILD, exec form',
      code: `${F}RUN pip install git+ssh://git@github.com/org/lib.git#egg=lib\nONBUILD RUN pip install gunicorn\nRUN ["pip", "install", "celery"]\n`,
      errors: [
        { messageId: 'unpinned', data: { package: 'git+ssh://git@github.com/org/lib.git#egg=lib', pin: 'git+ssh://git@github.com/org/lib.git@<ref>#egg=lib' }, line: 2, column: 17, endLine: 2, endColumn: 61 },
        { messageId: 'unpinned', data: { package: 'gunicorn', pin: 'gunicorn==<version>' }, line: 3, column: 25, endLine: 3, endColumn: 33 },
        { messageId: 'unpinned', data: { package: 'celery', pin: 'celery==<version>' }, line: 4, column: 24, endLine: 4, endColumn: 32 },
      ],
      output: null,
    },
    {
      // Corpus: vimagick/dockerfiles scrapyd/Dockerfile: a ref, not `==<version>`, pins a VCS URL.
      name: 'a VCS URL without a fragment is pinned with @<ref>',
      code: `${F}RUN pip install --no-cache-dir git+https://github.com/scrapy/scrapyd-client.git\n`,
      errors: [
        {
          messageId: 'unpinned',
          data: { package: 'git+https://github.com/scrapy/scrapyd-client.git', pin: 'git+https://github.com/scrapy/scrapyd-client.git@<ref>' },
          line: 2,
          column: 32,
          endLine: 2,
          endColumn: 80,
        },
      ],
      output: null,
    },
  ],
});
