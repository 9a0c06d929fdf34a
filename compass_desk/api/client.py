"""The Compass REST client: one object, one ``httpx.Client``, typed results and typed errors.

It follows ``self`` URLs and never builds a URL from an ID; only the documented bootstrap paths
(``/user``, ``/company``, the schema) are joined to the base URL.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

import httpx

from compass_desk.api import schema
from compass_desk.api.capabilities import Capabilities
from compass_desk.api.client_writes import PhoneWrites, company_text
from compass_desk.api.client_writes import describe as describe
from compass_desk.api.client_writes import describe_text as describe_text
from compass_desk.api.errors import (
    NetworkError,
    NotFoundError,
    PermissionDeniedError,
    ServerError,
    UnexpectedResponseError,
    UnsupportedOperationError,
    unsupported,
    worded,
)
from compass_desk.api.requester import Requester
from compass_desk.api.schema import User
from compass_desk.api.transport import (
    DEFAULT_TIMEOUT,
    RetryPolicy,
    build_http_client,
    normalize_base_url,
    ssl_context,
)
from compass_desk.domain.models import (
    Access,
    Company,
    CustomSetting,
    Environment,
    Phone,
    PhoneModel,
    PhoneStatus,
    ProvisioningFile,
)
from compass_desk.domain.text import Text

__all__ = ["CompassClient", "User"]

log = logging.getLogger(__name__)
# What the bootstrap reads do, for messages (in Dutch a phrase with "te", see api.errors).
_LIST_RIGHTS = Text("read which organisations you can see and change",
                    "op te halen welke organisaties je kunt zien en wijzigen")
_READ_RIGHT_TARGET = Text(
    "read an organisation you have rights on", "een organisatie te lezen waarop je rechten hebt"
)
_LIST_RESELLER = Text("list the organisations of a reseller", "de organisaties van een reseller op te halen")
_READ_SCHEMA = Text("read the environment's API description", "de API-beschrijving van de omgeving te lezen")
class CompassClient(PhoneWrites):
    def __init__(
        self,
        environment: Environment,
        password: str,
        *,
        http_client: httpx.Client | None = None,
        retry: RetryPolicy | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        bootstrap_no_redirect: bool = True,
        method_override: bool = False,
    ) -> None:
        self.environment = environment
        self.base_url = normalize_base_url(environment.base_url)
        if http_client is None:
            self._http = build_http_client(environment.ca_bundle, timeout)
            self._owns_http = True
        else:
            if environment.ca_bundle:
                ssl_context(environment.ca_bundle)  # still refuse a missing CA file
            self._http = http_client
            self._owns_http = False
        self._requester = Requester(
            self._http,
            self.base_url,
            environment.username,
            password,
            environment.name,
            retry or RetryPolicy(),
            method_override,
        )
        self._no_redirect = bootstrap_no_redirect
        self._lock = threading.Lock()
        self._user: User | None = None
        self._capabilities: Capabilities | None = None
        self._capabilities_lock = threading.Lock()

    def __repr__(self) -> str:
        return (
            f"CompassClient({self.environment.name!r}, {self.base_url!r}, user={self.environment.username!r})"
        )

    # --- life cycle -----------------------------------------------------------------------
    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> CompassClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def set_password(self, password: str) -> None:
        """New credentials after an authentication error (the old ones are not sent again)."""
        self._requester.set_password(self.environment.username, password)

    @property
    def api_version(self) -> int:
        """The API version the server served last (from ``Content-Type``)."""
        return self._requester.api_version

    @property
    def retry(self) -> RetryPolicy:
        return self._requester.retry

    # --- bootstrap ------------------------------------------------------------------------
    def _bootstrap(self, path: str, what: Text) -> Any:
        headers = {schema.NO_REDIRECT_HEADER: "true"} if self._no_redirect else None
        return self._requester.get(self._requester.absolute(path), what, headers=headers)

    def whoami(self) -> User:
        user = schema.parse_user(self._bootstrap(schema.PATH_USER, Text("sign in", "je aan te melden")))
        with self._lock:
            self._user = user
        return user

    def own_company(self) -> Company:
        what = Text("read your organisation", "je organisatie te lezen")
        return schema.parse_company(self._bootstrap(schema.PATH_COMPANY, what))

    def user(self, url: str) -> User:
        """The user at *url* (e.g. a phone's ``loggedInUser``): its name and username."""
        return schema.parse_user(self._requester.get(url, Text("read the user", "de gebruiker te lezen")))

    def _current_user(self) -> User:
        with self._lock:
            user = self._user
        return user or self.whoami()

    # --- organisations --------------------------------------------------------------------
    def company(self, url: str) -> Company:
        return schema.parse_company(
            self._requester.get(url, Text("read the organisation", "de organisatie te lezen"))
        )

    def companies(self) -> list[Company]:
        """Every organisation the user may see, with the user's effective access (write beats read)."""
        user = self._current_user()
        rights = schema.parse_rights(self._requester.get(user.url + schema.SUB_RIGHTS, _LIST_RIGHTS))
        found: dict[str, Company] = {}

        def merge(company: Company, access: Access) -> None:
            old = found.get(company.url)
            best = (
                Access.WRITE
                if access is Access.WRITE or (old and old.access is Access.WRITE)
                else Access.READ
            )
            found[company.url] = Company(
                company.url, company.entity_id, company.name, company.shortname, best
            )

        for right in rights:
            entity = schema.parse_entity(
                self._requester.get(right.target, _READ_RIGHT_TARGET)
            )
            if entity.the_type == schema.TYPE_RESELLER:
                listed = self._requester.get(
                    entity.url + schema.SUB_RESELLER_COMPANIES, _LIST_RESELLER
                )
                for company in schema.parse_companies(listed):
                    merge(company, right.access)
            elif entity.the_type == schema.TYPE_COMPANY:
                merge(schema.parse_company(entity.data), right.access)
            else:
                log.info("ignoring a right on an object of type %r", entity.the_type)
        return sorted(found.values(), key=lambda c: (c.name.casefold(), c.url))

    # --- phones: reads --------------------------------------------------------------------
    def phones(self, company: Company) -> list[Phone]:
        """The organisation's phones (a :class:`schema.PhoneList`: ``skipped`` names any left out)."""
        what = worded(
            "list the phones of {c}",
            "de telefoons van {c} op te halen",
            c=company_text(company, "an organisation", "een organisatie"),
        )
        data = self._requester.get(company.url + schema.SUB_PHONES, what)
        return schema.parse_phones(data)

    def phone(self, url: str) -> Phone:
        return schema.parse_phone(self._requester.get(url, Text("read the phone", "de telefoon te lezen")))

    def phone_status(self, phone: Phone) -> PhoneStatus:
        what = worded("read the status of {p}", "de status van {p} te lezen", p=describe_text(phone))
        self._require("phoneStatus", what)
        return schema.parse_status(self._requester.get(phone.url + schema.SUB_PHONE_STATUS, what))

    def provisioning_file(self, phone: Phone) -> ProvisioningFile:
        what = worded(
            "fetch the provisioning file of {p}",
            "het provisioningbestand van {p} op te halen",
            p=describe_text(phone),
        )
        self._require("provisioning", what)
        return schema.parse_provisioning_file(self._requester.get(phone.url + schema.SUB_PROVISIONING, what))

    def phone_models(self, company: Company) -> list[PhoneModel]:
        what = worded(
            "list the phone models of {c}",
            "de telefoonmodellen van {c} op te halen",
            c=company_text(company, "the organisation", "de organisatie"),
        )
        self._require("phoneModels", what)
        return schema.parse_phone_models(self._requester.get(company.url + schema.SUB_PHONE_MODELS, what))

    def custom_settings(self, phone: Phone) -> list[CustomSetting]:
        what = worded(
            "read the custom settings of {p}",
            "de eigen instellingen van {p} te lezen",
            p=describe_text(phone),
        )
        return schema.parse_custom_settings(self._requester.get(phone.url + schema.SUB_CUSTOM_SETTINGS, what))

    # --- phones: writes (client_writes.PhoneWrites) ---------------------------------------
    # --- capabilities ---------------------------------------------------------------------
    def capabilities(self) -> Capabilities:
        """What the environment offers; fetched once (one request even when threads ask at once)."""
        with self._capabilities_lock:
            if self._capabilities is not None:
                return self._capabilities
            try:
                document = self._requester.get(
                    self._requester.absolute(schema.PATH_SCHEMA), _READ_SCHEMA
                )
                found = Capabilities.from_openapi(document, self.api_version)
            except (NotFoundError, PermissionDeniedError, UnsupportedOperationError, UnexpectedResponseError):
                found = Capabilities.unknown(self.api_version)  # no schema served: assume the contract
            self._capabilities = found
            return found

    def _require(self, operation: str, what: Text) -> None:
        try:
            capabilities = self.capabilities()
        except (NetworkError, ServerError):
            return  # cannot tell now; the operation itself will say what is wrong
        if not capabilities.supports(operation):
            raise UnsupportedOperationError(unsupported(what))
