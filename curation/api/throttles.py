from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousRateThrottle(AnonRateThrottle):
    """Limits each client address to ``CURATION_API_ANON_RATE`` (None: no limit).

    The rate is read on every request, not when DRF loads, so that settings
    changed at run time (and in tests) take effect.
    """

    def get_rate(self):
        return settings.CURATION_API_ANON_RATE
