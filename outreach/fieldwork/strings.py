"""The words the survey app shows, translated here and put into its page, so the scripts on
the phone hold no text of their own. %(name)s marks what the script fills in."""

from django.utils.translation import gettext as _


def app_strings() -> dict:
    return {
        "online": _("Online"),
        "offline": _("Offline: visits are kept on this phone."),
        "pending": _("Waiting to be sent: %(count)s"),
        "send": _("Send now"),
        "sending": _("Sending…"),
        "download": _("Download the worklist"),
        "downloading": _("Downloading…"),
        "noWorklist": _("No worklist on this phone yet. Download it before going out."),
        "worklistInfo": _("%(township)s: %(count)s households to visit, downloaded %(when)s."),
        "stale": _(
            "This worklist is more than %(days)s days old: download it again before going out."
        ),
        "downloadFailed": _("The worklist could not be downloaded: %(error)s"),
        "downloaded": _("Worklist downloaded: %(count)s households."),
        "search": _("Search by name or village"),
        "record": _("Record a visit"),
        "waiting": _("visit waiting to be sent"),
        "visitedOn": _("visited on"),
        "visitors": _("visitors"),
        "notes": _("notes"),
        "needsAction": _("needs action"),
        "policiesDone": _("policies carried out"),
        "policiesMissing": _("policies not carried out"),
        "topicsHint": _("Write a finding for each topic you covered; leave the others empty."),
        "save": _("Keep on this phone"),
        "cancel": _("Cancel"),
        "saved": _("Visit kept on this phone; it is sent when there is signal."),
        "needFinding": _("Record at least one finding."),
        "describeProblem": _("Describe the problem that needs action."),
        "futureDate": _("A visit cannot be dated in the future."),
        "noDate": _("Give the date of the visit."),
        "noVisitors": _("Give the visitors' names."),
        "bothPolicies": _("A policy cannot be both carried out and not carried out."),
        "refusedBadge": _("refused by the server"),
        "fix": _("Fix"),
        "discard": _("Discard"),
        "confirmDiscard": _("Discard this visit? It will not be recorded."),
        "sent": _(
            "Sent: %(recorded)s recorded, %(already)s already recorded, %(refused)s refused."
        ),
        "loginAgain": _(
            "Your session has ended: log in again, then send. The visits stay on this phone."
        ),
        "sendFailed": _("Sending failed (%(error)s). The visits stay on this phone."),
        "noHouseholds": _("No households left to visit."),
        "phone": _("phone"),
        "deceased": _("deceased"),
        "noCampaign": _("The county has no campaign yet: the office loads its plan first."),
        "persons": _("Persons"),
    }
