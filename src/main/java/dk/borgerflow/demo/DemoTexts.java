package dk.borgerflow.demo;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the demo's citizens ask and what the staff write: Danish for the Zealand municipalities,
 * Swedish for Spånga-Tensta. Every name is made up from common first and last names; phone numbers
 * and e-mail addresses are random (e-mail under the reserved example.dk / example.se domains). No text
 * holds anything that looks like a CPR number.
 */
final class DemoTexts {

    /** What a citizen asks about a topic, and what the staff answer. */
    record TopicTexts(List<String> summaries, List<String> contactCenterNotes, List<String> answers) {
    }

    /** Notes and messages that fit any topic, per language. */
    record Common(List<String> toDesk, List<String> toSpecialist, List<String> callBack, List<String> calledBack,
            List<String> guide, List<String> awaitCitizen, List<String> citizenReplied, List<String> needsHelp,
            List<String> resolvedAtContactCenter, List<String> resolvedAtDesk, List<String> resolvedBySpecialist,
            List<String> teamLeadBackToSpecialist, List<String> teamLeadResolved, List<String> answer,
            String apology, String interpreterNote, Map<String, String> languages) {
    }

    private DemoTexts() {
    }

    static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    // ---- Danish ----

    static final Map<String, TopicTexts> DANISH = Map.ofEntries(
            Map.entry("housing-benefit", new TopicTexts(List.of(
                    "Spørger til boligstøtte efter flytning til ny lejlighed",
                    "Har fået brev om tilbagebetaling af boligstøtte og forstår ikke beregningen",
                    "Vil søge boligstøtte, men har ikke MitID"), List.of(
                    "Forklaret, at boligstøtte søges på borger.dk og udbetales af Udbetaling Danmark; link sendt",
                    "Gennemgået beregningen: tilbagebetalingen skyldes højere indkomst end forskudsopgjort"), List.of(
                    "Din ansøgning om boligstøtte er modtaget og sendt til Udbetaling Danmark. Du får svar i Digital Post inden for fire uger."))),
            Map.entry("digital-post", new TopicTexts(List.of(
                    "Vil fritages for Digital Post",
                    "Kan ikke finde brevet fra kommunen i Digital Post",
                    "Datteren vil have fuldmagt til sin mors Digital Post"), List.of(
                    "Blanket om fritagelse for Digital Post sendt med posten",
                    "Fundet brevet sammen med borgeren under mappen Arkiv"), List.of(
                    "Du er nu fritaget for Digital Post. Breve fra det offentlige kommer med almindelig post."))),
            Map.entry("moving", new TopicTexts(List.of(
                    "Skal melde flytning for sig selv og to børn",
                    "Flytter på plejecenter; datteren spørger, hvem der melder flytningen",
                    "Har meldt flytning, men den nye adresse står ikke i Digital Post"), List.of(
                    "Hjulpet med flytteanmeldelsen på borger.dk under samtalen",
                    "Flytningen er registreret; adressen opdateres i Digital Post inden for et døgn"), List.of(
                    "Din flytning er registreret i CPR. Husk at give din bank og pensionskasse besked."))),
            Map.entry("health-insurance-card", new TopicTexts(List.of(
                    "Har mistet sundhedskortet",
                    "Mangler sundhedskort til sit nyfødte barn",
                    "Sundhedskortet viser den gamle læge efter lægeskift"), List.of(
                    "Bestilt nyt sundhedskort; det digitale kort kan bruges i appen imens",
                    "Forklaret, at det nye kort sendes automatisk efter lægeskiftet"), List.of(
                    "Dit nye sundhedskort er bestilt og sendes til din folkeregisteradresse inden for to uger."))),
            Map.entry("ehic", new TopicTexts(List.of(
                    "Skal bruge blåt sygesikringskort til rejse i Spanien",
                    "Det blå kort er udløbet; familien rejser om tre uger"), List.of(
                    "Vist borgeren, hvordan det blå kort bestilles på borger.dk"), List.of(
                    "Dit blå EU-sygesikringskort er bestilt og kommer med posten inden for to uger."))),
            Map.entry("passport", new TopicTexts(List.of(
                    "Skal forny pas inden sommerferien",
                    "Barnets pas er bortkommet; familien skal rejse om 14 dage",
                    "Spørger om nødpas til en rejse i næste uge"), List.of(
                    "Tid booket i Borgerservice; borgeren medbringer gammelt pas og pasfoto",
                    "Forklaret reglerne for nødpas; borgeren møder op i Borgerservice"), List.of(
                    "Dit nye pas er bestilt og sendes til din adresse inden for 10 hverdage."))),
            Map.entry("driving-licence", new TopicTexts(List.of(
                    "Kørekortet udløber; har fået lægeattest",
                    "Vil ombytte sit udenlandske kørekort",
                    "Har mistet kørekortet"), List.of(
                    "Forklaret, at fornyelse bestilles digitalt med lægeattesten",
                    "Tid booket i Borgerservice til ombytning; medbring det udenlandske kørekort"), List.of(
                    "Dit nye kørekort er bestilt og kommer med posten inden for tre uger."))),
            Map.entry("pension", new TopicTexts(List.of(
                    "Spørger til folkepension og opsat pension",
                    "Har ikke fået folkepensionen udbetalt i denne måned",
                    "Ønsker hjælp til at søge varmetillæg"), List.of(
                    "Forklaret reglerne for opsat pension; borgeren kontakter Udbetaling Danmark",
                    "Udbetalingen er forsinket på grund af ændret NemKonto; pengene kommer inden fredag"), List.of(
                    "Vi har hjulpet dig med ansøgningen om varmetillæg. Udbetaling Danmark sender afgørelsen i Digital Post."))),
            Map.entry("child-benefit", new TopicTexts(List.of(
                    "Børne- og ungeydelsen er ikke udbetalt efter flytning fra Sverige",
                    "Spørger om ekstra børnetilskud som enlig forsørger"), List.of(
                    "Forklaret, at ydelsen udbetales kvartalsvis; næste udbetaling i januar"), List.of(
                    "Du er berettiget til ekstra børnetilskud. Det udbetales sammen med børne- og ungeydelsen."))),
            Map.entry("elderly-care", new TopicTexts(List.of(
                    "Datteren ringer: moren har brug for mere hjemmehjælp efter udskrivning",
                    "Hjemmeplejen kom ikke i morges",
                    "Spørger til madservice og nødkald"), List.of(
                    "Kontaktet hjemmeplejens planlægger; besøget er flyttet til i eftermiddag",
                    "Forklaret visitationen; en visitator ringer inden for to hverdage"), List.of(
                    "Visitationen har vurderet dit behov. Du får hjælp til rengøring hver anden uge fra næste måned."))),
            Map.entry("waste", new TopicTexts(List.of(
                    "Skraldespanden blev ikke tømt mandag",
                    "Vil bestille afhentning af storskrald",
                    "Spørger om en ny beholder til madaffald"), List.of(
                    "Manglende tømning registreret; renovatøren kommer i morgen",
                    "Storskrald bestilt til afhentning næste torsdag"), List.of(
                    "Din nye beholder til madaffald leveres i uge 2."))),
            Map.entry("mitid", new TopicTexts(List.of(
                    "MitID-appen virker ikke på den nye telefon",
                    "Har brug for en MitID-kodeviser; kan ikke bruge appen",
                    "Er spærret ude af MitID efter forkert adgangskode"), List.of(
                    "Guidet borgeren til at flytte MitID til den nye telefon",
                    "Tid booket i Borgerservice til kodeviser; medbring pas"), List.of(
                    "Din MitID-kodeviser er udleveret og aktiveret."))),
            Map.entry("nemkonto", new TopicTexts(List.of(
                    "Skal ændre NemKonto efter bankskifte"), List.of(
                    "Forklaret, at banken opretter den nye NemKonto"), List.of(
                    "Din NemKonto er ændret til din nye konto."))),
            Map.entry("doctor-change", new TopicTexts(List.of(
                    "Vil skifte læge efter flytning",
                    "Spørger, hvilke læger i området der tager nye patienter"), List.of(
                    "Lægeskiftet er gennemført på borger.dk under samtalen"), List.of(
                    "Dit lægeskift er registreret; du får nyt sundhedskort med posten."))),
            Map.entry("name-change", new TopicTexts(List.of(
                    "Ønsker at tage sin mors efternavn"), List.of(
                    "Forklaret, at navneændring søges hos Familieretshuset via borger.dk"), List.of(
                    "Din navneændring er registreret."))),
            Map.entry("marriage", new TopicTexts(List.of(
                    "Vil bestille tid til borgerlig vielse på rådhuset"), List.of(
                    "Forklaret prøvelsen af ægteskabsbetingelser; vielsesdatoen bookes bagefter"), List.of(
                    "Jeres vielse er booket på rådhuset. I får en bekræftelse i Digital Post."))),
            Map.entry("address-protection", new TopicTexts(List.of(
                    "Ønsker navne- og adressebeskyttelse"), List.of(
                    "Forklaret, at beskyttelsen søges digitalt og koster et årligt gebyr"), List.of(
                    "Din navne- og adressebeskyttelse er oprettet."))),
            Map.entry("residence-permit", new TopicTexts(List.of(
                    "EU-borger skal have registreringsbevis for at kunne arbejde"), List.of(
                    "Henvist til SIRI; tid booket i Borgerservice til CPR-registrering bagefter"), List.of(
                    "Du er registreret i CPR og kan nu få sundhedskort og NemKonto."))),
            Map.entry("tax-help", new TopicTexts(List.of(
                    "Har brug for hjælp til at rette forskudsopgørelsen",
                    "Forstår ikke restskatten på årsopgørelsen"), List.of(
                    "Hjulpet med at rette forskudsopgørelsen i TastSelv under samtalen",
                    "Henvist til Skattestyrelsen for spørgsmål om restskat"), List.of(
                    "Din forskudsopgørelse er rettet; den nye trækprocent gælder fra næste måned."))),
            Map.entry("digital-help", new TopicTexts(List.of(
                    "Har brug for hjælp til at bruge borger.dk",
                    "Kan ikke logge på med MitID for at søge pension"), List.of(
                    "Gennemgået borger.dk med borgeren i telefonen",
                    "Tid booket i Borgerservice til hjælp med ansøgningen"), List.of(
                    "Din ansøgning er sendt. Du får svar i Digital Post."))),
            Map.entry("parking-permit", new TopicTexts(List.of(
                    "Søger om handicapparkeringskort",
                    "Spørger til beboerlicens til parkering i midtbyen"), List.of(
                    "Forklaret, at beboerlicens søges digitalt; sendt link"), List.of(
                    "Din ansøgning om parkeringskort er bevilget. Kortet sendes med posten."))),
            Map.entry("building-permit", new TopicTexts(List.of(
                    "Vil bygge carport; spørger, om der skal søges byggetilladelse",
                    "Spørger til sagsbehandlingstiden for en tilbygning"), List.of(
                    "Forklaret reglerne for carporte under 50 m²; henvist til Byg og Miljø"), List.of(
                    "Din tilbygning kræver byggetilladelse. Ansøgningen er registreret; forventet sagsbehandlingstid er seks uger."))),
            Map.entry("road-maintenance", new TopicTexts(List.of(
                    "Hul i vejen ved busstoppestedet på Stationsvej",
                    "Gadelampen på stien ved skolen er slukket",
                    "Fortovet på Skolevej er ikke ryddet for sne"), List.of(
                    "Skaden er meldt til Vej og Park; udbedres inden for fem hverdage",
                    "Meldt til vintertjenesten; fortovet ryddes i dag"), List.of(
                    "Vejskaden er udbedret. Tak for din henvendelse."))),
            Map.entry("property-tax", new TopicTexts(List.of(
                    "Spørger til ejendomsskattebilletten og betaling i rater"), List.of(
                    "Forklaret ratebetaling; første rate forfalder 1. januar"), List.of(
                    "Din ejendomsskat betales i to rater; opkrævningerne kommer i Digital Post."))),
            Map.entry("municipal-debt", new TopicTexts(List.of(
                    "Har fået rykker for betaling af daginstitution; ønsker en afdragsordning",
                    "Spørger til restance på ejendomsskat"), List.of(
                    "Forklaret, at Opkrævningen vurderer afdragsordninger; overdraget"), List.of(
                    "Vi har oprettet en afdragsordning på 500 kr. om måneden. Du får en oversigt i Digital Post."))),
            Map.entry("daycare", new TopicTexts(List.of(
                    "Søger vuggestueplads fra 1. februar",
                    "Spørger til søskenderabat og fripladstilskud",
                    "Vil skifte børnehave efter flytning"), List.of(
                    "Barnet skrevet op på ventelisten via Pladsanvisningen",
                    "Forklaret søskenderabat og økonomisk fripladstilskud; sendt link"), List.of(
                    "Jeres barn har fået tilbudt plads fra 1. februar. Svar på tilbuddet inden 14 dage."))),
            Map.entry("school-enrolment", new TopicTexts(List.of(
                    "Indskrivning til børnehaveklasse; ønsker en anden skole end distriktsskolen"), List.of(
                    "Forklaret frit skolevalg og fristen for indskrivning"), List.of(
                    "Jeres barn er optaget på den ønskede skole fra august."))),
            Map.entry("social-assistance", new TopicTexts(List.of(
                    "Spørger til kontanthjælp efter opsigelse",
                    "Kontanthjælpen er ikke blevet udbetalt"), List.of(
                    "Forklaret, at ansøgningen skal ske digitalt efter tilmelding på jobnet.dk"), List.of(
                    "Din ansøgning om kontanthjælp er modtaget. Jobcentret indkalder dig til samtale inden for en uge."))),
            Map.entry("unemployment", new TopicTexts(List.of(
                    "Er blevet ledig og skal tilmelde sig jobcentret",
                    "Spørger til kravene om jobsøgning"), List.of(
                    "Hjulpet med tilmeldingen på jobnet.dk under samtalen"), List.of(
                    "Du er tilmeldt som ledig. Jobcentret indkalder dig til den første samtale."))),
            Map.entry("sickness-benefit", new TopicTexts(List.of(
                    "Spørger om sygedagpenge efter længere sygemelding"), List.of(
                    "Forklaret, at arbejdsgiveren søger refusion, og at jobcentret følger op"), List.of(
                    "Du har ret til sygedagpenge. Din sagsbehandler ringer for at aftale en opfølgningssamtale."))),
            Map.entry("disability-aid", new TopicTexts(List.of(
                    "Ansøger om rollator",
                    "Ansøger om badebænk efter hofteoperation",
                    "Ansøger om el-kørestol"), List.of(
                    "Forklaret, at ansøgningen vurderes af hjælpemiddelteamet; overdraget"), List.of(
                    "Du er bevilget hjælpemidlet. Hjælpemiddeldepotet ringer for at aftale levering."))),
            Map.entry("personal-supplement", new TopicTexts(List.of(
                    "Ansøger om personligt tillæg til tandbehandling",
                    "Ansøger om hjælp til nye briller"), List.of(
                    "Forklaret, at tillægget kræver en økonomisk vurdering; overdraget"), List.of(
                    "Du er bevilget personligt tillæg efter overslaget. Beløbet udbetales til din NemKonto."))),
            Map.entry("housing-allocation", new TopicTexts(List.of(
                    "Søger akut bolig efter skilsmisse",
                    "Ønsker boliganvisning; bor midlertidigt hos venner"), List.of(
                    "Forklaret boliganvisningens kriterier; overdraget til boligsocialt team"), List.of(
                    "Du er godkendt til boliganvisning. Vi kontakter dig, når der er en ledig bolig."))),
            Map.entry("nursing-home", new TopicTexts(List.of(
                    "Søger plejebolig til sin ægtefælle med demens"), List.of(
                    "Forklaret ansøgningen om plejebolig og ventetiden"), List.of(
                    "Din ægtefælle er godkendt til plejebolig og skrevet på ventelisten til det ønskede plejecenter."))),
            Map.entry("rehabilitation", new TopicTexts(List.of(
                    "Spørger til genoptræning efter knæoperation",
                    "Genoptræningsplanen fra sygehuset er ikke modtaget"), List.of(
                    "Kontaktet Træningsenheden; borgeren bliver ringet op i morgen"), List.of(
                    "Din genoptræning starter i næste uge. Træningsenheden har sendt tiderne i Digital Post."))),
            Map.entry("patient-transport", new TopicTexts(List.of(
                    "Skal til kontrol på sygehuset og kan ikke selv køre",
                    "Spørger om kørsel til egen læge"), List.of(
                    "Kørsel til sygehuset bestilt via Flextur"), List.of(
                    "Du er bevilget kørsel til lægebesøg. Bestil turen senest dagen før."))));

    static final Common DANISH_COMMON = new Common(
            List.of("Kræver fremmøde med billedlegitimation; tid booket i Borgerservice",
                    "Borgeren ønsker personlig hjælp; overdraget til Borgerservice",
                    "Sagen kræver underskrift; borgeren møder op i Borgerservice"),
            List.of("Kræver faglig vurdering; overdraget til fagspecialist",
                    "Borgeren har brug for en afgørelse; sendt til fagafdelingen med notat",
                    "Uden for kontaktcentrets kompetence; overdraget med borgerens oplysninger"),
            List.of("Borgeren var optaget; aftalt tilbagering efter kl. 14",
                    "Skal undersøge sagen; ringer borgeren op i eftermiddag",
                    "Forbindelsen blev afbrudt; ring borgeren op"),
            List.of("Ringet op; borgeren har fået svar",
                    "Ringet tilbage og forklaret sagen; borgeren er tilfreds"),
            List.of("Vist borgeren vej til selvbetjeningsløsningen; borgeren prøver selv",
                    "Sendt link til selvbetjening; borgeren ringer igen, hvis det driller"),
            List.of("Mangler dokumentation; borgeren er bedt om at indsende den",
                    "Mangler udtalelse fra egen læge; borgeren sender den",
                    "Afventer kontoudtog fra borgeren"),
            List.of("Borgeren har indsendt den manglende dokumentation",
                    "Lægens udtalelse er modtaget",
                    "Borgeren har sendt kontoudtog"),
            List.of("Borgeren ringer: kunne ikke finde ud af selvbetjeningen",
                    "Borgeren kunne ikke logge på med MitID"),
            List.of("Besvaret under samtalen", "Borgeren har fået svar på sit spørgsmål"),
            List.of("Hjulpet ved skranken", "Sagen er afsluttet i Borgerservice"),
            List.of("Afgørelse truffet og sendt", "Behandlet og afsluttet"),
            List.of("Aftalt med fagspecialisten, at sagen prioriteres; ny frist",
                    "Sagen er fordelt til en anden sagsbehandler med ny frist"),
            List.of("Teamlederen har selv afsluttet sagen og ringet til borgeren"),
            List.of("Din henvendelse er behandlet og afsluttet. Kontakt os igen, hvis du har spørgsmål."),
            "Beklager den lange svartid. ",
            "Betjent med tolk (%s)",
            Map.of("ar", "arabisk", "tr", "tyrkisk", "so", "somali", "uk", "ukrainsk", "fa", "persisk"));

    static final List<String> DANISH_WOMEN = List.of("Mette", "Anne", "Kirsten", "Hanne", "Susanne", "Lene",
            "Marianne", "Camilla", "Louise", "Pia", "Tina", "Charlotte", "Sofie", "Ida", "Emma", "Freja", "Maja",
            "Fatima", "Aisha", "Olena");
    static final List<String> DANISH_MEN = List.of("Jens", "Peter", "Lars", "Michael", "Henrik", "Søren", "Thomas",
            "Jesper", "Niels", "Anders", "Rasmus", "Mads", "Kim", "Martin", "Frederik", "Mikkel", "Ahmed", "Ali",
            "Mohammad", "Emre");
    static final List<String> DANISH_ELDERLY = List.of("Inge", "Birgit", "Karen", "Grethe", "Aase", "Else", "Ruth",
            "Poul", "Erik", "Ole", "Bent", "Jørgen", "Knud", "Svend", "Leif", "Kaj");
    static final List<String> DANISH_SURNAMES = List.of("Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen",
            "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen",
            "Olsen", "Thomsen", "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen", "Frederiksen",
            "Holm", "Lund", "Schmidt", "Eriksen", "Jakobsen", "Yilmaz", "Hussein", "Kowalski");
    static final List<String> DANISH_ACCESSIBILITY = List.of("Nedsat syn: breve i stor skrift", "Kørestolsbruger",
            "Nedsat hørelse: kontakt helst på e-mail", "Har svært ved at læse: ring i stedet for at skrive");

    // ---- Swedish (Spånga-Tensta) ----

    static final Map<String, TopicTexts> SWEDISH = Map.ofEntries(
            Map.entry("elderly-care", new TopicTexts(List.of(
                    "Dottern ringer: mamma behöver mer hemtjänst efter sjukhusvistelsen",
                    "Hemtjänsten kom inte i morse"), List.of(
                    "Kontaktat hemtjänstens samordnare; besöket flyttat till eftermiddagen"), List.of(
                    "Biståndshandläggaren har bedömt ditt behov. Du får hjälp med städning varannan vecka från nästa månad."))),
            Map.entry("waste", new TopicTexts(List.of(
                    "Soptunnan har inte tömts på två veckor",
                    "Vill beställa hämtning av grovavfall"), List.of(
                    "Missad tömning anmäld till entreprenören; tömning i morgon"), List.of(
                    "Hämtningen av grovavfall är bokad till torsdag nästa vecka."))),
            Map.entry("daycare", new TopicTexts(List.of(
                    "Vill ansöka om förskoleplats från mars",
                    "Frågar om avgiften för förskola"), List.of(
                    "Förklarat maxtaxan och hur man ansöker i e-tjänsten"), List.of(
                    "Ert barn har erbjudits plats på förskolan från mars. Svara på erbjudandet inom 14 dagar."))),
            Map.entry("school-enrolment", new TopicTexts(List.of(
                    "Frågar om skolval till förskoleklass i Tensta"), List.of(
                    "Förklarat skolvalet och sista dagen för ansökan"), List.of(
                    "Ert barn har fått plats på den önskade skolan från augusti."))),
            Map.entry("social-assistance", new TopicTexts(List.of(
                    "Frågar hur man ansöker om ekonomiskt bistånd",
                    "Utbetalningen av försörjningsstöd har inte kommit"), List.of(
                    "Förklarat ansökan om ekonomiskt bistånd; bokat tid hos socialsekreterare"), List.of(
                    "Din ansökan om ekonomiskt bistånd är beviljad. Pengarna betalas ut på fredag."))),
            Map.entry("housing-allocation", new TopicTexts(List.of(
                    "Söker akut boende efter separation",
                    "Frågar om bostadsförmedlingens kö"), List.of(
                    "Förklarat bostadsförmedlingen; överlämnat till socialtjänsten för bedömning"), List.of(
                    "Du har beviljats tillfälligt boende. Socialsekreteraren kontaktar dig i morgon."))),
            Map.entry("road-maintenance", new TopicTexts(List.of(
                    "Gatubelysningen på Tensta allé är trasig",
                    "Snöröjning saknas vid Spånga station"), List.of(
                    "Felanmält till trafikkontoret; åtgärdas inom fem arbetsdagar"), List.of(
                    "Felet är åtgärdat. Tack för din anmälan."))),
            Map.entry("parking-permit", new TopicTexts(List.of(
                    "Ansöker om parkeringstillstånd för rörelsehindrade"), List.of(
                    "Förklarat ansökan och läkarintyget"), List.of(
                    "Ditt parkeringstillstånd är beviljat och skickas med posten."))),
            Map.entry("disability-aid", new TopicTexts(List.of(
                    "Ansöker om bostadsanpassning: badkaret ska bytas mot dusch",
                    "Behöver en rollator"), List.of(
                    "Förklarat ansökan om bostadsanpassning; överlämnat till handläggare"), List.of(
                    "Din ansökan om bostadsanpassning är beviljad. Entreprenören hör av sig om tid."))),
            Map.entry("digital-help", new TopicTexts(List.of(
                    "Behöver hjälp att logga in med BankID i e-tjänsten",
                    "Vill ha hjälp att fylla i en ansökan på stadens webbplats"), List.of(
                    "Visat e-tjänsten steg för steg i telefon"), List.of(
                    "Din ansökan är inskickad. Du får besked per post."))),
            Map.entry("unemployment", new TopicTexts(List.of(
                    "Frågar om stöd från Jobbtorg Stockholm"), List.of(
                    "Förklarat Jobbtorg och bokat ett första möte"), List.of(
                    "Du är inskriven på Jobbtorg. Din coach kontaktar dig inom en vecka."))),
            Map.entry("patient-transport", new TopicTexts(List.of(
                    "Frågar om färdtjänst till vårdcentralen"), List.of(
                    "Förklarat ansökan om färdtjänst hos Region Stockholm"), List.of(
                    "Din ansökan om färdtjänst är skickad till Region Stockholm."))),
            Map.entry("building-permit", new TopicTexts(List.of(
                    "Frågar om bygglov för inglasad balkong"), List.of(
                    "Förklarat reglerna; hänvisat till stadsbyggnadskontoret"), List.of(
                    "Inglasningen kräver bygglov. Din ansökan är registrerad."))),
            Map.entry("municipal-debt", new TopicTexts(List.of(
                    "Har fått påminnelse om förskoleavgiften och vill göra en avbetalningsplan"), List.of(
                    "Förklarat avbetalningsplan; överlämnat till ekonomienheten"), List.of(
                    "Vi har gjort en avbetalningsplan på 400 kronor i månaden."))),
            Map.entry("rehabilitation", new TopicTexts(List.of(
                    "Frågar om rehabilitering efter en stroke"), List.of(
                    "Kontaktat rehabiliteringsteamet; de ringer upp i morgon"), List.of(
                    "Din rehabilitering börjar nästa vecka. Tiderna skickas per post."))),
            Map.entry("nursing-home", new TopicTexts(List.of(
                    "Söker plats på vård- och omsorgsboende för sin pappa"), List.of(
                    "Förklarat ansökan och biståndsbedömningen"), List.of(
                    "Din pappa har beviljats plats på vård- och omsorgsboende och står i kö till det önskade boendet."))));

    static final Common SWEDISH_COMMON = new Common(
            List.of("Kräver personligt besök med legitimation; tid bokad på Medborgarkontoret",
                    "Invånaren vill ha personlig hjälp; överlämnat till Medborgarkontoret"),
            List.of("Kräver handläggarens bedömning; överlämnat till handläggare",
                    "Invånaren behöver ett beslut; skickat till förvaltningen med anteckning"),
            List.of("Invånaren var upptagen; ringer upp efter kl. 14",
                    "Behöver undersöka ärendet; ringer upp i eftermiddag"),
            List.of("Uppringd; invånaren har fått svar"),
            List.of("Visat vägen till e-tjänsten; invånaren provar själv"),
            List.of("Underlag saknas; invånaren har ombetts skicka in det",
                    "Väntar på läkarintyg från invånaren"),
            List.of("Invånaren har skickat in det saknade underlaget", "Läkarintyget har kommit in"),
            List.of("Invånaren ringer: kom inte vidare i e-tjänsten"),
            List.of("Besvarat under samtalet", "Invånaren har fått svar på sin fråga"),
            List.of("Hjälpt på Medborgarkontoret", "Ärendet avslutat på Medborgarkontoret"),
            List.of("Beslut fattat och skickat", "Handlagt och avslutat"),
            List.of("Överenskommet med handläggaren att ärendet prioriteras; ny tidsfrist"),
            List.of("Teamledaren har själv avslutat ärendet och ringt invånaren"),
            List.of("Ditt ärende är avslutat. Kontakta Medborgarkontoret om du har fler frågor."),
            "Vi ber om ursäkt för den långa svarstiden. ",
            "Betjänad med tolk (%s)",
            Map.of("ar", "arabiska", "so", "somaliska", "ti", "tigrinja", "fa", "persiska", "tr", "turkiska"));

    static final List<String> SWEDISH_WOMEN = List.of("Anna", "Maria", "Eva", "Karin", "Sara", "Elin", "Amina",
            "Fatima", "Hodan", "Leyla", "Ingrid", "Samira");
    static final List<String> SWEDISH_MEN = List.of("Erik", "Lars", "Johan", "Anders", "Mohammed", "Ahmed", "Yusuf",
            "Omar", "Abdi", "Ali", "Mehmet", "Hassan");
    static final List<String> SWEDISH_ELDERLY = List.of("Ingrid", "Birgitta", "Margareta", "Gunnar", "Sven", "Bengt",
            "Rolf", "Kerstin");
    static final List<String> SWEDISH_SURNAMES = List.of("Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson",
            "Larsson", "Olsson", "Lindqvist", "Berg", "Hassan", "Mohamed", "Ali", "Abdi", "Yilmaz", "Ahmadi", "Farah",
            "Osman", "Tesfaye");
    static final List<String> SWEDISH_ACCESSIBILITY = List.of("Synnedsättning: stor text i brev",
            "Rullstolsanvändare", "Hörselnedsättning: kontakta helst via e-post");
}
