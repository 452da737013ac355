"""The English version of the demo, as data: every Italian string a translator would see.

Keys are the Italian source strings exactly as wagtail-localize offers them (plain text, a
line break as "\\n"), so a string added to `content.py` without its English is caught: the
loader refuses to publish a page with an untranslated segment. Names that read the same in
both languages (organisations' official names, places, acronyms) are listed once in
`SAME_IN_ENGLISH`.
"""

SAME_IN_ENGLISH = frozenset(
    {
        "Clusters Cord",
        "ICT",
        "Online",
        "Regional Development Agency of Usti Region",
        "Centre for research, innovation and regional development",
        "Regional Development Agency Bielsko-Biala",
        "ARLEG S.A. Regional Development Agency",
        "BSC – Business Support Centre",
        "Regional Development Agency of Piestany",
        "Mid-Pannon Regional Development Company",
        "Stuttgart Region Economic Development Corporation",
        "Upper Austrian Chamber of Commerce",
        "Milano Metropoli Agenzia di Sviluppo",
        "Parco Tecnologico Padano",
        "Ústí nad Labem",
        "Bielsko-Biała",
        "Gorenjska",
        "Kranj",
        "Piešťany",
        "Baden-Württemberg",
        "Linz",
        "Sesto San Giovanni",
        "Lodi",
        "Kranj (Gorenjska)",
        "Lodi – Parco Tecnologico Padano",
        # Slugs that are already English.
        "rda-usti-region",
        "centre-research-innovation-regional-development",
        "rda-bielsko-biala",
        "arleg",
        "bsc-kranj",
        "rda-piestany",
        "mid-pannon",
        "stuttgart-region",
        "upper-austrian-chamber-of-commerce",
        "milano-metropoli",
        "parco-tecnologico-padano",
        "ict",
    }
)

_CONTACT_EN = (
    "Milano Metropoli Development Agency – www.milanomet.it\n"
    "Clusters Cord project – www.clusterscord.eu"
)

ENGLISH: dict[str, str] = {
    # --- Home and section pages -----------------------------------------------------------
    # Sibling slugs under the tree root must differ, and the home's slug never shows in a URL.
    "home": "home-en",
    "Dieci agenzie di sviluppo e camere di commercio dell'Europa centrale lavorano insieme per "
    "creare cinque meta-cluster transnazionali.": (
        "Ten development agencies and chambers of commerce in central Europe work together to "
        "create five transnational meta-clusters."
    ),
    "Clusters Cord è un progetto finanziato dal Programma Central Europe dell'Unione europea "
    "per migliorare la gestione, l'innovazione e l'internazionalizzazione dei cluster di "
    "imprese.": (
        "Clusters Cord is a project funded by the European Union's Central Europe Programme to "
        "improve the management, innovation and internationalisation of business clusters."
    ),
    "Agenzie di sviluppo regionale e camere di commercio di dieci regioni europee, in otto "
    "paesi, coinvolgono imprese e gestori di cluster in cinque gruppi tematici: "
    "Agroalimentare, Energia e Ambiente, Turismo, ICT e Scienze della Vita.": (
        "Regional development agencies and chambers of commerce from ten European regions in "
        "eight countries bring companies and cluster managers together in five thematic "
        "groups: Agri-food, Energy and Environment, Tourism, ICT and Life Sciences."
    ),
    "Attraverso exchange forum, visite studio e strumenti web, ogni gruppo prepara un piano "
    "strategico per arrivare a un meta-cluster transnazionale nel proprio settore.": (
        "Through exchange forums, study visits and web tools, each group prepares a strategic "
        "plan towards a transnational meta-cluster in its sector."
    ),
    "Comunicati stampa": "Press releases",
    "comunicati": "press-releases",
    "Notizie e comunicati del progetto Clusters Cord.": (
        "News and press releases of the Clusters Cord project."
    ),
    "Le notizie del progetto Clusters Cord: conferenze, exchange forum, visite studio e "
    "l'avanzamento dei piani strategici dei gruppi tematici.": (
        "News from the Clusters Cord project: conferences, exchange forums, study visits and "
        "the progress of the thematic groups' strategic plans."
    ),
    "Partner": "Partners",
    "partner": "partners",
    "Le organizzazioni che partecipano al progetto, paese per paese.": (
        "The organisations taking part in the project, country by country."
    ),
    "Il partenariato di Clusters Cord riunisce agenzie di sviluppo regionale, una camera di "
    "commercio e centri di ricerca di otto paesi dell'Europa centrale, guidati dall'agenzia "
    "di sviluppo regionale della regione di Ústí nad Labem.": (
        "The Clusters Cord partnership brings together regional development agencies, a "
        "chamber of commerce and research centres from eight countries of central Europe, led "
        "by the regional development agency of the Ústí nad Labem Region."
    ),
    "Gruppi tematici": "Thematic groups",
    "gruppi": "thematic-groups",
    "Agroalimentare, Energia e Ambiente, Turismo, ICT, Scienze della Vita.": (
        "Agri-food, Energy and Environment, Tourism, ICT, Life Sciences."
    ),
    "Cinque gruppi tematici mettono in contatto imprese, gestori di cluster e agenzie di "
    "sviluppo dello stesso settore. Per tutto il 2012 lavorano insieme con exchange forum, "
    "visite studio e strumenti web e multimediali.": (
        "Five thematic groups connect companies, cluster managers and development agencies "
        "of the same sector. Throughout 2012 they work together through exchange forums, "
        "study visits and web and multimedia tools."
    ),
    "Milano Metropoli Agenzia di Sviluppo dirige il lavoro di scambio tra tutti i partner.": (
        "Milano Metropoli Development Agency leads the exchange work among all the partners."
    ),
    "Conoscenza": "Knowledge",
    "conoscenza": "knowledge",
    "Piani strategici e documenti del progetto.": "Strategic plans and project documents.",
    "I piani strategici dei gruppi tematici e i documenti pubblici del progetto: "
    "presentazioni, rapporti e verbali.": (
        "The thematic groups' strategic plans and the project's public documents: "
        "presentations, reports and minutes."
    ),
    # --- Press releases -------------------------------------------------------------------
    "Il 25 ottobre a Sesto San Giovanni la International Benchmarking Conference": (
        "The International Benchmarking Conference in Sesto San Giovanni on 25 October"
    ),
    "international-benchmarking-conference-25-ottobre": (
        "international-benchmarking-conference-25-october"
    ),
    "Milano Metropoli Agenzia di Sviluppo ospita la prima conferenza internazionale di "
    "benchmarking del progetto Clusters Cord: imprese, gestori di cluster e agenzie di "
    "sviluppo a confronto su modelli e politiche per i cluster.": (
        "Milano Metropoli Development Agency hosts the first international benchmarking "
        "conference of the Clusters Cord project: companies, cluster managers and development "
        "agencies compare cluster models and policies."
    ),
    "Martedì 25 ottobre 2011 Sesto San Giovanni ospita la prima International Benchmarking "
    "Conference del progetto Clusters Cord, finanziato dal Programma Central Europe.": (
        "On Tuesday 25 October 2011 Sesto San Giovanni hosts the first International "
        "Benchmarking Conference of the Clusters Cord project, funded by the Central Europe "
        "Programme."
    ),
    "La conferenza mette a confronto modelli di gestione, strategie e politiche a sostegno "
    "dei cluster di imprese regionali e transnazionali, e prepara l'avvio dei gruppi tematici "
    "del progetto.": (
        "The conference compares management models, strategies and policies supporting "
        "regional and transnational business clusters, and prepares the launch of the "
        "project's thematic groups."
    ),
    "Presentazione del progetto (PDF)": "Project presentation (PDF)",
    "Milano Metropoli Agenzia di Sviluppo – www.milanomet.it\n"
    "Progetto Clusters Cord – www.clusterscord.eu": _CONTACT_EN,
    "Oltre 120 partecipanti alla International Benchmarking Conference": (
        "More than 120 participants at the International Benchmarking Conference"
    ),
    "benchmarking-conference-oltre-120-partecipanti": (
        "benchmarking-conference-over-120-participants"
    ),
    "Imprese, gestori di cluster e operatori di sviluppo territoriale di tutta Europa a Sesto "
    "San Giovanni per la prima conferenza di benchmarking di Clusters Cord.": (
        "Companies, cluster managers and local development practitioners from all over Europe "
        "met in Sesto San Giovanni for the first Clusters Cord benchmarking conference."
    ),
    "Si è svolta il 25 ottobre a Sesto San Giovanni – Milano la prima International "
    "Benchmarking Conference del progetto Clusters Cord, organizzata da Milano Metropoli "
    "Agenzia di Sviluppo. Vi hanno partecipato oltre 120 imprese, gestori di cluster e "
    "operatori di sviluppo territoriale europei.": (
        "The first International Benchmarking Conference of the Clusters Cord project, "
        "organised by Milano Metropoli Development Agency, took place on 25 October in Sesto "
        "San Giovanni – Milan. More than 120 European companies, cluster managers and local "
        "development practitioners took part."
    ),
    "I gruppi tematici": "The thematic groups",
    "Oltre ad approfondire modelli di gestione e politiche per i cluster, i partecipanti "
    "hanno cominciato a impostare i cinque gruppi tematici che lavoreranno insieme nel "
    "2012.": (
        "Besides examining cluster management models and policies, the participants began to "
        "shape the five thematic groups that will work together in 2012."
    ),
    "Rapporto della conferenza": "Conference report",
    "Clusters Cord: al via i cinque gruppi tematici per i meta-cluster transnazionali": (
        "Clusters Cord launches five thematic groups for transnational meta-clusters"
    ),
    "avviati-cinque-gruppi-tematici": "five-thematic-groups-launched",
    "Agroalimentare, Energia e Ambiente, Turismo, ICT e Scienze della Vita: partono i gruppi "
    "tematici di Clusters Cord.": (
        "Agri-food, Energy and Environment, Tourism, ICT and Life Sciences: the Clusters Cord "
        "thematic groups get under way."
    ),
    "Sono partiti i cinque gruppi tematici del progetto Clusters Cord: per tutto il 2012 "
    "imprese, gestori di cluster e agenzie di sviluppo di dieci regioni europee lavoreranno "
    "insieme per creare meta-cluster transnazionali.": (
        "The five thematic groups of the Clusters Cord project are under way: throughout 2012 "
        "companies, cluster managers and development agencies from ten European regions will "
        "work together to create transnational meta-clusters."
    ),
    "Agroalimentare, Energia e Ambiente, Turismo, ICT e Scienze della Vita: sono questi i "
    "settori dei cinque gruppi tematici appena avviati. Nel corso del 2012 organizzeranno "
    "exchange forum e visite studio e attiveranno strumenti web e multimediali, con "
    "l'obiettivo di dare vita a meta-cluster transnazionali.": (
        "Agri-food, Energy and Environment, Tourism, ICT and Life Sciences: these are the "
        "sectors of the five thematic groups just launched. During 2012 they will organise "
        "exchange forums and study visits and set up web and multimedia tools, with the aim "
        "of creating transnational meta-clusters."
    ),
    "Il percorso è stato avviato nell'ambito del progetto Clusters Cord, finanziato dal "
    "Programma comunitario Central Europe, e coinvolge aziende, gestori di cluster e agenzie "
    "di sviluppo di dieci regioni europee.": (
        "The work was started within the Clusters Cord project, funded by the EU Central "
        "Europe Programme, and involves companies, cluster managers and development agencies "
        "from ten European regions."
    ),
    "Migliorare la gestione, l'innovazione e l'internazionalizzazione dei cluster.": (
        "Improving the management, innovation and internationalisation of clusters."
    ),
    "L'obiettivo del progetto Clusters Cord": "The aim of the Clusters Cord project",
    "Dalla conferenza di Sesto San Giovanni ai gruppi di lavoro": (
        "From the Sesto San Giovanni conference to the working groups"
    ),
    "I partecipanti ai gruppi si erano incontrati per la prima volta il 25 ottobre 2011 a "
    "Sesto San Giovanni – Milano, alla prima International Benchmarking Conference del "
    "progetto, organizzata da Milano Metropoli Agenzia di Sviluppo. Le oltre 120 imprese, "
    "gestori di cluster e operatori di sviluppo territoriale presenti avevano discusso "
    "modelli di gestione, strategie e politiche per i cluster regionali e transnazionali e "
    "avevano cominciato a impostare i gruppi.": (
        "The members of the groups first met on 25 October 2011 in Sesto San Giovanni – "
        "Milan, at the project's first International Benchmarking Conference, organised by "
        "Milano Metropoli Development Agency. The more than 120 companies, cluster managers "
        "and local development practitioners present discussed management models, strategies "
        "and policies for regional and transnational clusters and began to shape the groups."
    ),
    "Milano Metropoli Agenzia di Sviluppo dirige il lavoro di scambio tra tutti i partner "
    "europei e, con il supporto del Parco Tecnologico Padano, coordina il gruppo "
    "Agroalimentare.": (
        "Milano Metropoli Development Agency leads the exchange work among all the European "
        "partners and, supported by Parco Tecnologico Padano, coordinates the Agri-food group."
    ),
    "I prossimi passi": "Next steps",
    "Nei prossimi mesi i coordinatori dei gruppi prepareranno un piano strategico per "
    "ciascun settore, con le azioni necessarie per arrivare ai cinque meta-cluster "
    "transnazionali.": (
        "In the coming months the group coordinators will prepare a strategic plan for each "
        "sector, with the actions needed to reach the five transnational meta-clusters."
    ),
    "I partner del progetto sono: Regional Development Agency of Usti Region (capofila, "
    "Repubblica Ceca), Centre for research, innovation and regional development (Repubblica "
    "Ceca), Regional Development Agency Bielsko-Biala (Polonia), ARLEG S.A. Regional "
    "Development Agency (Polonia), BSC – Business Support Centre (Slovenia), Regional "
    "Development Agency of Piestany (Slovacchia), Mid-Pannon Regional Development Company "
    "(Ungheria), Stuttgart Region Economic Development Corporation (Germania), Upper "
    "Austrian Chamber of Commerce (Austria) e Milano Metropoli Agenzia di Sviluppo "
    "(Italia).": (
        "The project partners are: Regional Development Agency of Usti Region (lead partner, "
        "Czech Republic), Centre for research, innovation and regional development (Czech "
        "Republic), Regional Development Agency Bielsko-Biala (Poland), ARLEG S.A. Regional "
        "Development Agency (Poland), BSC – Business Support Centre (Slovenia), Regional "
        "Development Agency of Piestany (Slovakia), Mid-Pannon Regional Development Company "
        "(Hungary), Stuttgart Region Economic Development Corporation (Germany), Upper "
        "Austrian Chamber of Commerce (Austria) and Milano Metropoli Agenzia di Sviluppo "
        "(Italy)."
    ),
    "Versione inglese del comunicato (PDF)": "English version of the press release (PDF)",
    "Per ulteriori informazioni e per la versione inglese del comunicato:\n"
    "Milano Metropoli Agenzia di Sviluppo – www.milanomet.it\n"
    "Progetto Clusters Cord – www.clusterscord.eu": (
        "For further information and the English version of the press release:\n" + _CONTACT_EN
    ),
    "A Lodi il primo exchange forum del gruppo Agroalimentare": (
        "The Agri-food group's first exchange forum in Lodi"
    ),
    "primo-exchange-forum-agroalimentare-lodi": "first-agri-food-exchange-forum-lodi",
    "Tracciabilità, sicurezza alimentare e filiera corta al centro del primo exchange forum "
    "del gruppo Agroalimentare, ospitato dal Parco Tecnologico Padano.": (
        "Traceability, food safety and short supply chains were the focus of the Agri-food "
        "group's first exchange forum, hosted by Parco Tecnologico Padano."
    ),
    "Il 22 marzo il Parco Tecnologico Padano ha ospitato a Lodi il primo exchange forum del "
    "gruppo tematico Agroalimentare di Clusters Cord, coordinato da Milano Metropoli Agenzia "
    "di Sviluppo.": (
        "On 22 March Parco Tecnologico Padano hosted in Lodi the first exchange forum of the "
        "Clusters Cord Agri-food thematic group, coordinated by Milano Metropoli Development "
        "Agency."
    ),
    "Imprese e gestori di cluster di cinque paesi hanno confrontato i sistemi di "
    "tracciabilità dei prodotti lungo la filiera e le esperienze di filiera corta e di "
    "marchi di qualità regionali.": (
        "Companies and cluster managers from five countries compared systems for tracing "
        "products along the supply chain and their experience of short supply chains and "
        "regional quality labels."
    ),
    "Prossimi appuntamenti": "Coming up",
    "A giugno il gruppo visiterà imprese e iniziative di cooperazione tra produttori nel "
    "Transdanubio centrale, in Ungheria.": (
        "In June the group will visit companies and producers' cooperation initiatives in "
        "Central Transdanubia, Hungary."
    ),
    "Energia e Ambiente: visita studio nella Regione di Stoccarda": (
        "Energy and Environment: study visit to the Stuttgart Region"
    ),
    "visita-studio-regione-stoccarda": "study-visit-stuttgart-region",
    "Il gruppo Energia e Ambiente ha visitato imprese e centri di competenza della Regione di "
    "Stoccarda attivi nell'efficienza energetica e nell'edilizia sostenibile.": (
        "The Energy and Environment group visited companies and competence centres of the "
        "Stuttgart Region working on energy efficiency and sustainable building."
    ),
    "Il 16 maggio i partner del gruppo tematico Energia e Ambiente sono stati ospiti della "
    "Stuttgart Region Economic Development Corporation, che coordina il gruppo insieme alla "
    "Camera di commercio dell'Alta Austria.": (
        "On 16 May the partners of the Energy and Environment thematic group were guests of "
        "the Stuttgart Region Economic Development Corporation, which coordinates the group "
        "together with the Upper Austrian Chamber of Commerce."
    ),
    "La visita ha mostrato come progetti dimostrativi comuni e la formazione degli "
    "installatori possano accelerare la diffusione dell'efficienza energetica negli "
    "edifici.": (
        "The visit showed how joint demonstration projects and the training of installers can "
        "speed up the spread of energy efficiency in buildings."
    ),
    "Piani strategici: pronte le prime bozze dei cinque gruppi tematici": (
        "Strategic plans: first drafts ready from the five thematic groups"
    ),
    "piani-strategici-prime-bozze": "strategic-plans-first-drafts",
    "I coordinatori dei gruppi tematici di Clusters Cord hanno presentato le prime bozze dei "
    "piani strategici per i cinque meta-cluster transnazionali.": (
        "The coordinators of the Clusters Cord thematic groups have presented the first drafts "
        "of the strategic plans for the five transnational meta-clusters."
    ),
    "Ogni piano definisce obiettivi, azioni, responsabili, tempi e indicatori per arrivare a "
    "un meta-cluster transnazionale nel proprio settore.": (
        "Each plan sets out objectives, actions, owners, timing and indicators towards a "
        "transnational meta-cluster in its sector."
    ),
    "Le bozze, alla versione 0.1, saranno discusse nei prossimi exchange forum e aggiornate "
    "con i contributi di tutti i partner.": (
        "The drafts, at version 0.1, will be discussed at the coming exchange forums and "
        "updated with contributions from all the partners."
    ),
    # --- Partners -------------------------------------------------------------------------
    "Regione di Ústí nad Labem": "Ústí nad Labem Region",
    "Agenzia di sviluppo regionale della regione di Ústí nad Labem, nella Boemia "
    "nord-occidentale. È il capofila (lead partner) del progetto Clusters Cord.": (
        "Regional development agency of the Ústí nad Labem Region, in north-western Bohemia. "
        "It is the lead partner of the Clusters Cord project."
    ),
    "Centro ceco di ricerca, innovazione e sviluppo regionale, partner del progetto Clusters "
    "Cord.": (
        "Czech centre for research, innovation and regional development, a partner in the "
        "Clusters Cord project."
    ),
    "Slesia": "Silesia",
    "Agenzia di sviluppo regionale con sede a Bielsko-Biała, nel voivodato della Slesia.": (
        "Regional development agency based in Bielsko-Biała, in the Silesian Voivodeship."
    ),
    "Agenzia di sviluppo regionale della Slesia, in Polonia.": (
        "Regional development agency of Silesia, in Poland."
    ),
    "Centro di supporto alle imprese con sede a Kranj, che opera come agenzia di sviluppo per "
    "la regione slovena della Gorenjska.": (
        "Business support centre based in Kranj, acting as the development agency of the "
        "Slovenian region of Gorenjska."
    ),
    "Regione di Trnava": "Trnava Region",
    "Agenzia di sviluppo regionale di Piešťany, città termale della regione di Trnava, in "
    "Slovacchia.": (
        "Regional development agency of Piešťany, a spa town in the Trnava Region of Slovakia."
    ),
    "Transdanubio centrale": "Central Transdanubia",
    "Società di sviluppo regionale della regione ungherese del Transdanubio centrale.": (
        "Regional development company of the Hungarian region of Central Transdanubia."
    ),
    "Stoccarda": "Stuttgart",
    "Società per lo sviluppo economico della Regione di Stoccarda, nel Baden-Württemberg "
    "(Wirtschaftsförderung Region Stuttgart).": (
        "Economic development corporation of the Stuttgart Region, in Baden-Württemberg "
        "(Wirtschaftsförderung Region Stuttgart)."
    ),
    "Alta Austria": "Upper Austria",
    "Camera di commercio dell'Alta Austria, con sede a Linz.": (
        "Chamber of commerce of Upper Austria, based in Linz."
    ),
    "Lombardia": "Lombardy",
    "Agenzia di sviluppo dell'area milanese con sede a Sesto San Giovanni. Nel progetto "
    "Clusters Cord dirige il lavoro di scambio tra i partner europei e, con il supporto del "
    "Parco Tecnologico Padano, coordina il gruppo tematico Agroalimentare.": (
        "Development agency of the Milan area, based in Sesto San Giovanni. In the Clusters "
        "Cord project it leads the exchange work among the European partners and, supported "
        "by Parco Tecnologico Padano, coordinates the Agri-food thematic group."
    ),
    "Il 25 ottobre 2011 ha organizzato a Sesto San Giovanni la prima International "
    "Benchmarking Conference del progetto.": (
        "On 25 October 2011 it organised the project's first International Benchmarking "
        "Conference in Sesto San Giovanni."
    ),
    "Parco scientifico e tecnologico di Lodi. Sostiene Milano Metropoli nel coordinamento "
    "del gruppo tematico Agroalimentare.": (
        "Science and technology park in Lodi. It supports Milano Metropoli in coordinating the "
        "Agri-food thematic group."
    ),
    # --- Thematic groups ------------------------------------------------------------------
    "Agroalimentare": "Agri-food",
    "agroalimentare": "agri-food",
    "Filiere, tracciabilità e qualità dei prodotti agroalimentari: verso un meta-cluster "
    "transnazionale del settore.": (
        "Supply chains, traceability and quality of agri-food products: towards a "
        "transnational meta-cluster of the sector."
    ),
    "Mettere in rete i cluster agroalimentari delle regioni partner per condividere pratiche "
    "di tracciabilità, sicurezza e qualità lungo la filiera.": (
        "Network the agri-food clusters of the partner regions to share traceability, safety "
        "and quality practices along the supply chain."
    ),
    "Individuare progetti comuni di innovazione tra imprese, centri di ricerca e agenzie di "
    "sviluppo, a partire dall'esperienza del Parco Tecnologico Padano.": (
        "Identify joint innovation projects between companies, research centres and "
        "development agencies, building on the experience of Parco Tecnologico Padano."
    ),
    "Preparare il piano strategico del meta-cluster agroalimentare entro la fine del "
    "2012.": "Prepare the strategic plan of the agri-food meta-cluster by the end of 2012.",
    "Banca dati online delle buone pratiche di filiera": (
        "Online database of supply-chain good practices"
    ),
    "Uno spazio web comune dove i partner raccolgono schede sulle buone pratiche di "
    "tracciabilità e di filiera corta delle loro regioni.": (
        "A shared web space where the partners collect profiles of their regions' good "
        "practices in traceability and short supply chains."
    ),
    "Primo exchange forum Agroalimentare": "First Agri-food exchange forum",
    "Imprese e gestori di cluster a confronto su tracciabilità dei prodotti, sicurezza "
    "alimentare e collaborazione lungo la filiera.": (
        "Companies and cluster managers compare notes on product traceability, food safety "
        "and cooperation along the supply chain."
    ),
    "Visita studio nel Transdanubio centrale": "Study visit to Central Transdanubia",
    "Transdanubio centrale (Ungheria)": "Central Transdanubia (Hungary)",
    "Visita a imprese di trasformazione alimentare e a iniziative di cooperazione tra "
    "produttori della regione.": (
        "A visit to food-processing companies and producers' cooperation initiatives in the region."
    ),
    "Energia e Ambiente": "Energy and Environment",
    "energia-e-ambiente": "energy-and-environment",
    "Efficienza energetica, fonti rinnovabili ed edilizia sostenibile nei cluster "
    "dell'Europa centrale.": (
        "Energy efficiency, renewable sources and sustainable building in the clusters of "
        "central Europe."
    ),
    "Confrontare le politiche regionali a sostegno dei cluster dell'energia e dell'ambiente.": (
        "Compare the regional policies that support energy and environment clusters."
    ),
    "Favorire partnership tra imprese su efficienza energetica, fonti rinnovabili ed "
    "edilizia sostenibile.": (
        "Encourage partnerships between companies in energy efficiency, renewable sources and "
        "sustainable building."
    ),
    "Preparare il piano strategico del meta-cluster Energia e Ambiente.": (
        "Prepare the strategic plan of the Energy and Environment meta-cluster."
    ),
    "Visita studio nella Regione di Stoccarda": "Study visit to the Stuttgart Region",
    "Stoccarda (Baden-Württemberg)": "Stuttgart (Baden-Württemberg)",
    "Incontri con imprese e centri di competenza su efficienza energetica degli edifici ed "
    "edilizia sostenibile.": (
        "Meetings with companies and competence centres on energy efficiency in buildings and "
        "sustainable building."
    ),
    "Mappa online delle competenze su energia e ambiente": (
        "Online map of energy and environment expertise"
    ),
    "Una mappa delle imprese e dei centri di ricerca dei cluster partner, consultabile per "
    "settore e per regione.": (
        "A map of the companies and research centres of the partner clusters, searchable by "
        "sector and region."
    ),
    "Exchange forum Energia e Ambiente": "Energy and Environment exchange forum",
    "Linz (Alta Austria)": "Linz (Upper Austria)",
    "Presentazione dei primi progetti comuni tra imprese e discussione della bozza di piano "
    "strategico.": (
        "Presentation of the first joint projects between companies and discussion of the "
        "draft strategic plan."
    ),
    "Turismo": "Tourism",
    "turismo": "tourism",
    "Turismo termale, del benessere e delle destinazioni montane: offerte comuni tra le "
    "regioni partner.": (
        "Spa, wellness and mountain tourism: joint offers across the partner regions."
    ),
    "Condividere modelli di gestione delle destinazioni turistiche e dei cluster del "
    "turismo.": "Share management models for tourist destinations and tourism clusters.",
    "Sviluppare offerte comuni, a partire dal turismo termale e del benessere.": (
        "Develop joint offers, starting with spa and wellness tourism."
    ),
    "Preparare il piano strategico del meta-cluster Turismo.": (
        "Prepare the strategic plan of the Tourism meta-cluster."
    ),
    "Exchange forum Turismo": "Tourism exchange forum",
    "Piešťany (regione di Trnava)": "Piešťany (Trnava Region)",
    "Operatori del turismo termale e gestori di cluster a confronto sulla promozione comune "
    "delle destinazioni.": (
        "Spa tourism operators and cluster managers discuss the joint promotion of destinations."
    ),
    "Visita studio in Gorenjska": "Study visit to Gorenjska",
    "Kranj e Bled (Gorenjska)": "Kranj and Bled (Gorenjska)",
    "Visita a destinazioni e consorzi turistici della Gorenjska, con un approfondimento sul "
    "turismo attivo e montano.": (
        "A visit to destinations and tourism consortia in Gorenjska, with a close look at "
        "active and mountain tourism."
    ),
    "Catalogo comune delle offerte turistiche": "Joint catalogue of tourism offers",
    "Un catalogo web in più lingue con le offerte delle regioni partner.": (
        "A multilingual web catalogue of the partner regions' offers."
    ),
    "Tecnologie dell'informazione e della comunicazione per i cluster e le piccole e medie "
    "imprese.": (
        "Information and communication technologies for clusters and small and medium-sized "
        "enterprises."
    ),
    "Mappare le competenze ICT dei cluster delle regioni partner.": (
        "Map the ICT expertise of the partner regions' clusters."
    ),
    "Sviluppare gli strumenti web che sostengono il lavoro di tutti i gruppi tematici.": (
        "Develop the web tools that support the work of all the thematic groups."
    ),
    "Preparare il piano strategico del meta-cluster ICT.": (
        "Prepare the strategic plan of the ICT meta-cluster."
    ),
    "Piattaforma web dei gruppi tematici": "Thematic groups web platform",
    "Uno spazio di lavoro online per documenti, calendari e discussioni dei cinque gruppi "
    "tematici.": (
        "An online workspace for the documents, calendars and discussions of the five "
        "thematic groups."
    ),
    "Exchange forum ICT": "ICT exchange forum",
    "Servizi digitali per le piccole e medie imprese e collaborazione tra cluster ICT.": (
        "Digital services for small and medium-sized enterprises and cooperation between ICT "
        "clusters."
    ),
    "Visita studio in Slesia": "Study visit to Silesia",
    "Slesia (Polonia)": "Silesia (Poland)",
    "Visita a parchi tecnologici e imprese ICT della Slesia.": (
        "A visit to technology parks and ICT companies in Silesia."
    ),
    "Scienze della Vita": "Life Sciences",
    "scienze-della-vita": "life-sciences",
    "Biotecnologie, dispositivi medici e ricerca applicata: collaborazione tra centri di "
    "ricerca e imprese.": (
        "Biotechnology, medical devices and applied research: cooperation between research "
        "centres and companies."
    ),
    "Collegare centri di ricerca e imprese delle scienze della vita delle regioni partner.": (
        "Connect life-science research centres and companies of the partner regions."
    ),
    "Individuare servizi comuni per il trasferimento tecnologico.": (
        "Identify shared technology-transfer services."
    ),
    "Preparare il piano strategico del meta-cluster Scienze della Vita.": (
        "Prepare the strategic plan of the Life Sciences meta-cluster."
    ),
    "Repertorio online dei centri di ricerca": "Online directory of research centres",
    "Un elenco dei centri di ricerca e dei servizi di trasferimento tecnologico delle regioni "
    "partner.": (
        "A list of the research centres and technology-transfer services of the partner regions."
    ),
    "Exchange forum Scienze della Vita": "Life Sciences exchange forum",
    "Centri di ricerca e imprese a confronto sul trasferimento tecnologico e sull'accesso ai "
    "finanziamenti europei per la ricerca.": (
        "Research centres and companies discuss technology transfer and access to European "
        "research funding."
    ),
    "Visita studio in Lombardia": "Study visit to Lombardy",
    "Milano e Lodi (Lombardia)": "Milan and Lodi (Lombardy)",
    "Visita a centri di ricerca e imprese biotecnologiche dell'area milanese e al Parco "
    "Tecnologico Padano.": (
        "A visit to research centres and biotechnology companies in the Milan area and to "
        "Parco Tecnologico Padano."
    ),
    # --- Strategic plans ------------------------------------------------------------------
    "Piano strategico Agroalimentare": "Agri-food strategic plan",
    "piano-strategico-agroalimentare": "agri-food-strategic-plan",
    "Le azioni per un meta-cluster agroalimentare transnazionale: tracciabilità lungo la "
    "filiera, progetti comuni di innovazione e accesso ai mercati esteri.": (
        "Actions for a transnational agri-food meta-cluster: traceability along the supply "
        "chain, joint innovation projects and access to foreign markets."
    ),
    "Questa bozza raccoglie gli obiettivi e le azioni che il gruppo Agroalimentare propone "
    "per arrivare a un meta-cluster transnazionale. Sarà discussa dai partner e aggiornata "
    "dopo gli exchange forum e le visite studio del 2012.": (
        "This draft brings together the objectives and actions the Agri-food group proposes "
        "towards a transnational meta-cluster. The partners will discuss it and update it "
        "after the 2012 exchange forums and study visits."
    ),
    "Filiere tracciabili e sicure": "Traceable and safe supply chains",
    "Diffondere tra le imprese dei cluster partner sistemi comuni di tracciabilità dei "
    "prodotti lungo tutta la filiera.": (
        "Spread common systems for tracing products along the whole supply chain among the "
        "companies of the partner clusters."
    ),
    "Innovazione condivisa": "Shared innovation",
    "Avviare progetti di ricerca applicata tra imprese e centri di ricerca delle regioni "
    "partner.": (
        "Start applied research projects between companies and research centres of the "
        "partner regions."
    ),
    "Linee guida comuni sulla tracciabilità": "Common traceability guidelines",
    "Raccolta delle buone pratiche e stesura di linee guida condivise.": (
        "Collecting good practices and drafting shared guidelines."
    ),
    "Linee guida pubblicate": "Guidelines published",
    "Almeno 20 imprese coinvolte": "At least 20 companies involved",
    "Incontri d'affari tra produttori": "Business meetings between producers",
    "Incontri bilaterali tra imprese agroalimentari di regioni diverse.": (
        "Bilateral meetings between agri-food companies from different regions."
    ),
    "Numero di incontri realizzati": "Number of meetings held",
    "Accordi di collaborazione firmati": "Cooperation agreements signed",
    "Piano strategico Energia e Ambiente": "Energy and Environment strategic plan",
    "piano-strategico-energia-e-ambiente": "energy-and-environment-strategic-plan",
    "Le azioni per un meta-cluster Energia e Ambiente: efficienza energetica degli edifici, "
    "fonti rinnovabili e progetti comuni tra imprese.": (
        "Actions for an Energy and Environment meta-cluster: energy efficiency in buildings, "
        "renewable sources and joint projects between companies."
    ),
    "Questa bozza raccoglie gli obiettivi e le azioni che il gruppo Energia e Ambiente "
    "propone per arrivare a un meta-cluster transnazionale. Sarà discussa dai partner e "
    "aggiornata dopo gli exchange forum e le visite studio del 2012.": (
        "This draft brings together the objectives and actions the Energy and Environment "
        "group proposes towards a transnational meta-cluster. The partners will discuss it and "
        "update it after the 2012 exchange forums and study visits."
    ),
    "Efficienza energetica degli edifici": "Energy efficiency in buildings",
    "Trasferire tra le regioni le esperienze di edilizia sostenibile e di riqualificazione "
    "energetica.": (
        "Transfer experience of sustainable building and energy retrofitting between the regions."
    ),
    "Fonti rinnovabili": "Renewable sources",
    "Favorire la collaborazione tra produttori di tecnologie per le fonti rinnovabili.": (
        "Encourage cooperation between makers of renewable-energy technologies."
    ),
    "Catalogo delle competenze energetiche": "Catalogue of energy expertise",
    "Una mappa online di imprese e centri di competenza.": (
        "An online map of companies and competence centres."
    ),
    "Imprese censite nella mappa": "Companies listed on the map",
    "Visite alla mappa online": "Visits to the online map",
    "Missioni imprenditoriali congiunte": "Joint business missions",
    "Missioni di imprese tra le regioni partner.": (
        "Business missions between the partner regions."
    ),
    "Missioni organizzate": "Missions organised",
    "Imprese partecipanti": "Participating companies",
    "Piano strategico Turismo": "Tourism strategic plan",
    "piano-strategico-turismo": "tourism-strategic-plan",
    "Le azioni per un meta-cluster del turismo: offerte comuni di turismo termale e del "
    "benessere, promozione congiunta delle destinazioni.": (
        "Actions for a tourism meta-cluster: joint spa and wellness tourism offers and joint "
        "promotion of destinations."
    ),
    "Questa bozza raccoglie gli obiettivi e le azioni che il gruppo Turismo propone per "
    "arrivare a un meta-cluster transnazionale. Sarà discussa dai partner e aggiornata dopo "
    "gli exchange forum e le visite studio del 2012.": (
        "This draft brings together the objectives and actions the Tourism group proposes "
        "towards a transnational meta-cluster. The partners will discuss it and update it "
        "after the 2012 exchange forums and study visits."
    ),
    "Offerte turistiche comuni": "Joint tourism offers",
    "Costruire pacchetti che colleghino le destinazioni termali e montane delle regioni partner.": (
        "Build packages linking the spa and mountain destinations of the partner regions."
    ),
    "Catalogo comune delle offerte": "Joint catalogue of offers",
    "Un catalogo web in più lingue con le offerte delle regioni.": (
        "A multilingual web catalogue of the regions' offers."
    ),
    "Offerte pubblicate nel catalogo": "Offers published in the catalogue",
    "Lingue disponibili": "Languages available",
    "Formazione per gli operatori turistici": "Training for tourism operators",
    "Seminari sulla gestione delle destinazioni.": "Seminars on destination management.",
    "Operatori formati": "Operators trained",
    "Piano strategico ICT": "ICT strategic plan",
    "piano-strategico-ict": "ict-strategic-plan",
    "Le azioni per un meta-cluster ICT: mappatura delle competenze, servizi digitali per le "
    "imprese e strumenti web per la cooperazione tra cluster.": (
        "Actions for an ICT meta-cluster: mapping of expertise, digital services for companies "
        "and web tools for cooperation between clusters."
    ),
    "Questa bozza raccoglie gli obiettivi e le azioni che il gruppo ICT propone per arrivare "
    "a un meta-cluster transnazionale. Sarà discussa dai partner e aggiornata dopo gli "
    "exchange forum e le visite studio del 2012.": (
        "This draft brings together the objectives and actions the ICT group proposes towards "
        "a transnational meta-cluster. The partners will discuss it and update it after the "
        "2012 exchange forums and study visits."
    ),
    "Servizi digitali per le imprese": "Digital services for companies",
    "Diffondere servizi ICT che aiutino le piccole e medie imprese dei cluster a lavorare in "
    "rete.": (
        "Spread ICT services that help the clusters' small and medium-sized enterprises work "
        "as a network."
    ),
    "Mappatura delle competenze ICT": "Mapping ICT expertise",
    "Un questionario comune ai cluster ICT delle regioni partner.": (
        "A common questionnaire for the ICT clusters of the partner regions."
    ),
    "Questionari raccolti": "Questionnaires collected",
    "Rapporto di mappatura pubblicato": "Mapping report published",
    "Manutenzione e sviluppo dello spazio di lavoro online.": (
        "Maintaining and developing the online workspace."
    ),
    "Utenti attivi sulla piattaforma": "Active users on the platform",
    "Piano strategico Scienze della Vita": "Life Sciences strategic plan",
    "piano-strategico-scienze-della-vita": "life-sciences-strategic-plan",
    "Le azioni per un meta-cluster delle scienze della vita: collaborazione tra centri di "
    "ricerca e imprese e servizi comuni di trasferimento tecnologico.": (
        "Actions for a life-sciences meta-cluster: cooperation between research centres and "
        "companies and shared technology-transfer services."
    ),
    "Questa bozza raccoglie gli obiettivi e le azioni che il gruppo Scienze della Vita "
    "propone per arrivare a un meta-cluster transnazionale. Sarà discussa dai partner e "
    "aggiornata dopo gli exchange forum e le visite studio del 2012.": (
        "This draft brings together the objectives and actions the Life Sciences group "
        "proposes towards a transnational meta-cluster. The partners will discuss it and "
        "update it after the 2012 exchange forums and study visits."
    ),
    "Ricerca e imprese in rete": "Research and business networked",
    "Collegare i centri di ricerca con le imprese biotecnologiche e dei dispositivi medici "
    "delle regioni partner.": (
        "Connect research centres with the biotechnology and medical-device companies of the "
        "partner regions."
    ),
    "Repertorio dei centri di ricerca": "Directory of research centres",
    "Un elenco online di laboratori e servizi di trasferimento tecnologico.": (
        "An online list of laboratories and technology-transfer services."
    ),
    "Centri di ricerca censiti": "Research centres listed",
    "Progetti comuni di ricerca applicata": "Joint applied research projects",
    "Preparazione di proposte congiunte per bandi europei.": (
        "Preparing joint proposals for European calls."
    ),
    "Proposte presentate": "Proposals submitted",
    "Partner coinvolti per proposta": "Partners involved per proposal",
}

# Tag names in English, by the Italian name; names that read the same need no entry.
TAG_NAMES: dict[str, str] = {
    "agroalimentare": "agri-food",
    "energia": "energy",
    "filiera": "supply chain",
    "gruppi tematici": "thematic groups",
    "piani strategici": "strategic plans",
    "piano strategico": "strategic plan",
    "strumenti web": "web tools",
    "tracciabilità": "traceability",
    "trasferimento tecnologico": "technology transfer",
    "turismo": "tourism",
    "visita studio": "study visit",
}

# Titles of the Italian documents in English, by the Italian title.
DOCUMENT_TITLES: dict[str, str] = {
    "Clusters Cord – presentazione del progetto": "Clusters Cord – project presentation",
    "International Benchmarking Conference – rapporto": (
        "International Benchmarking Conference – report"
    ),
    "Verbale dell'exchange forum Agroalimentare – Lodi, 22 marzo 2012": (
        "Minutes of the Agri-food exchange forum – Lodi, 22 March 2012"
    ),
    "Mappatura delle filiere agroalimentari regionali": "Mapping regional agri-food supply chains",
    "Verbale dell'exchange forum Turismo – Piešťany, 26 aprile 2012": (
        "Minutes of the Tourism exchange forum – Piešťany, 26 April 2012"
    ),
    "Verbale dell'exchange forum Scienze della Vita – Ústí nad Labem, 7 giugno 2012": (
        "Minutes of the Life Sciences exchange forum – Ústí nad Labem, 7 June 2012"
    ),
    "Piano strategico Agroalimentare – bozza 0.1": "Agri-food strategic plan – draft 0.1",
    "Piano strategico Energia e Ambiente – bozza 0.1": (
        "Energy and Environment strategic plan – draft 0.1"
    ),
    "Piano strategico Turismo – bozza 0.1": "Tourism strategic plan – draft 0.1",
    "Piano strategico ICT – bozza 0.1": "ICT strategic plan – draft 0.1",
    "Piano strategico Scienze della Vita – bozza 0.1": "Life Sciences strategic plan – draft 0.1",
}


def english(italian: str) -> str | None:
    """The English for an Italian source string, or None when the demo has none."""
    if italian in SAME_IN_ENGLISH:
        return italian
    return ENGLISH.get(italian)
