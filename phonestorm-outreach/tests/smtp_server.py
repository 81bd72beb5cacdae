# A real SMTP server on loopback for the tests (aiosmtpd, AUTH login "agent" / "secret",
# no TLS). Prints "READY", then for each message: "MAIL <from> <rcpts>", the message, "END".
# Usage: python3 smtp_server.py PORT
import sys, time
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
class H:
    async def handle_DATA(self, server, session, envelope):
        print("MAIL", envelope.mail_from, ",".join(envelope.rcpt_tos), flush=True)
        print(envelope.content.decode("utf8", "replace").replace("\r\n", "\n"), flush=True)
        print("END", flush=True)
        return "250 OK"
def auth(server, session, envelope, mechanism, data):
    return AuthResult(success=(data.login == b"agent" and data.password == b"secret"))
c = Controller(H(), hostname="127.0.0.1", port=int(sys.argv[1]), authenticator=auth,
               auth_require_tls=False, auth_required=True)
c.start()
print("READY", flush=True)
while True:
    time.sleep(3600)
