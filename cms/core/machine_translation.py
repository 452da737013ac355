"""Machine translation whose results pass the markup rule before wagtail-localize saves them.

`WAGTAILLOCALIZE_MACHINE_TRANSLATOR` names `CheckedMachineTranslator`, with the translator it
wraps (DeepL, LibreTranslate, the dummy one) in its options: whichever view asks
wagtail-localize for a machine translator (the editor's button, the sync form's "use machine
translation") gets this one.
"""

from django.utils.module_loading import import_string
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator

from .translation_markup import TranslationRefused, markup_problems


class MachineTranslationRefused(TranslationRefused):
    """A machine translator answered with strings that are not safe markup for their source;
    raised before anything is saved, so that none of the answer is."""


class CheckedMachineTranslator(BaseMachineTranslator):
    """The configured machine translator, its every result checked by `markup_problems`.

    Options: `{"TRANSLATOR": {"CLASS": …, "OPTIONS": {…}}}`, the setting wagtail-localize
    would take for the wrapped translator. A single unsafe result refuses the whole answer
    (`MachineTranslationRefused`): the translator translates those strings by hand, and
    the next machine translation leaves them alone.
    """

    def __init__(self, options):
        super().__init__(options)
        wrapped = options["TRANSLATOR"]
        self.translator = import_string(wrapped["CLASS"])(wrapped.get("OPTIONS", {}))
        self.display_name = self.translator.display_name

    def can_translate(self, source_locale, target_locale):
        return self.translator.can_translate(source_locale, target_locale)

    def translate(self, source_locale, target_locale, strings):
        results = self.translator.translate(source_locale, target_locale, list(strings))
        details = [
            _("“%(text)s”: %(problems)s.")
            % {
                "text": Truncator(string.render_text()).chars(120),
                "problems": "; ".join(problems),
            }
            for string, result in results.items()
            if result is not None
            and result.data is not None
            and (problems := markup_problems(source=string.data, translation=result.data))
        ]
        if details:
            raise MachineTranslationRefused(
                _(
                    "%(translator)s answered with translations that would break the page, so "
                    "nothing was translated. Translate these strings yourself, then use "
                    "%(translator)s again for the others:"
                )
                % {"translator": self.display_name},
                details=details,
            )
        return results
